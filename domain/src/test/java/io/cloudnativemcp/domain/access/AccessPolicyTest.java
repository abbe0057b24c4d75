package io.cloudnativemcp.domain.access;

import static io.cloudnativemcp.domain.principal.PrincipalFixtures.admin;
import static io.cloudnativemcp.domain.principal.PrincipalFixtures.anonymous;
import static io.cloudnativemcp.domain.principal.PrincipalFixtures.apiKeyUser;
import static io.cloudnativemcp.domain.principal.PrincipalFixtures.jwtNamedAdmin;
import static io.cloudnativemcp.domain.principal.PrincipalFixtures.jwtUser;
import static io.cloudnativemcp.domain.principal.PrincipalFixtures.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolFixtures;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccessPolicyTest {
  private static final ToolDescriptor GET = ToolFixtures.readOnlyTool("kubernetes_get_resource");
  private static final ToolDescriptor LIST = ToolFixtures.readOnlyTool("kubernetes_list_resources_summary");
  private static final ToolDescriptor SCALE = ToolFixtures.mutatingTool("kubernetes_scale");
  private static final ToolDescriptor DELETE = ToolFixtures.destructiveTool("kubernetes_delete_resource");
  private static final ToolDescriptor HELM = ToolFixtures.readOnlyTool("helm_list_releases");

  private static final AccessPolicy DEFAULTS = AccessPolicy.defaults(ServerMode.unrestricted());

  static Stream<Arguments> defaultPolicy() {
    Optional<String> none = Optional.empty();
    Optional<String> ns = Optional.of("shop");
    Optional<String> kubeSystem = Optional.of("kube-system");
    return Stream.of(
        // bootstrap admin (API key named admin): everything, everywhere
        Arguments.of("admin", admin(), GET, ns, "bootstrap-admin"),
        Arguments.of("admin", admin(), GET, none, "bootstrap-admin"),
        Arguments.of("admin", admin(), SCALE, kubeSystem, "bootstrap-admin"),
        Arguments.of("admin", admin(), DELETE, none, "bootstrap-admin"),
        // a token subject called admin is only an authenticated reader
        Arguments.of("jwt admin", jwtNamedAdmin(), GET, ns, "authenticated-readers"),
        Arguments.of("jwt admin", jwtNamedAdmin(), SCALE, ns, null),
        Arguments.of("jwt admin", jwtNamedAdmin(), DELETE, none, null),
        // other authenticated principals: read-only tools
        Arguments.of("reader", reader(), GET, ns, "authenticated-readers"),
        Arguments.of("reader", reader(), LIST, none, "authenticated-readers"),
        Arguments.of("reader", reader(), HELM, kubeSystem, "authenticated-readers"),
        Arguments.of("reader", reader(), SCALE, ns, null),
        Arguments.of("reader", reader(), DELETE, ns, null),
        Arguments.of("jwt user", jwtUser("alice", "devs"), LIST, ns, "authenticated-readers"),
        Arguments.of("jwt user", jwtUser("alice", "devs"), SCALE, ns, null),
        // anonymous (auth.enabled: false) counts as authenticated: read-only tools only
        Arguments.of("anonymous", anonymous(), GET, ns, "authenticated-readers"),
        Arguments.of("anonymous", anonymous(), LIST, none, "authenticated-readers"),
        Arguments.of("anonymous", anonymous(), SCALE, ns, null),
        Arguments.of("anonymous", anonymous(), DELETE, none, null));
  }

  @ParameterizedTest(name = "[{index}] {0} {2} ns={3} -> {4}")
  @MethodSource("defaultPolicy")
  void givenDefaultPolicy_decide_followsTheTable(
      String who, Principal principal, ToolDescriptor tool, Optional<String> namespace, String allowedByRule) {
    AccessDecision decision = DEFAULTS.decide(principal, tool, namespace);

    if (allowedByRule == null) {
      assertThat(decision).isInstanceOf(AccessDecision.Denied.class);
      assertThat(decision.allowed()).isFalse();
      assertThat(((AccessDecision.Denied) decision).reason())
          .isEqualTo(
              "principal '"
                  + principal.name()
                  + "' is not allowed to use tool '"
                  + tool.name()
                  + "' ("
                  + tool.risk().wireName()
                  + ")");
    } else {
      assertThat(decision).isEqualTo(new AccessDecision.Allowed(allowedByRule));
      assertThat(decision.allowed()).isTrue();
    }
  }

  @Test
  void givenDefaultPolicy_hasPermission_grantsAuditAndKeysOnlyToTheBootstrapAdmin() {
    for (Permission p : List.of(Permission.AUDIT_READ, Permission.KEYS_ADMIN)) {
      assertThat(DEFAULTS.hasPermission(admin(), p)).as("admin %s", p).isTrue();
      assertThat(DEFAULTS.hasPermission(jwtNamedAdmin(), p)).as("jwt admin %s", p).isFalse();
      assertThat(DEFAULTS.hasPermission(reader(), p)).as("reader %s", p).isFalse();
      assertThat(DEFAULTS.hasPermission(anonymous(), p)).as("anonymous %s", p).isFalse();
    }
  }

  @Test
  void givenDefaultPolicy_canUse_listsWhatEachPrincipalMayCall() {
    assertThat(DEFAULTS.canUse(admin(), DELETE)).isTrue();
    assertThat(DEFAULTS.canUse(reader(), GET)).isTrue();
    assertThat(DEFAULTS.canUse(reader(), SCALE)).isFalse();
    assertThat(DEFAULTS.canUse(jwtNamedAdmin(), DELETE)).isFalse();
    assertThat(DEFAULTS.canUse(anonymous(), GET)).isTrue();
    assertThat(DEFAULTS.canUse(anonymous(), SCALE)).isFalse();
  }

  @Test
  void givenReadOnlyMode_decide_deniesMutatingAndDestructiveToolsEvenForTheAdmin() {
    AccessPolicy policy = AccessPolicy.defaults(new ServerMode(true, false));

    assertThat(policy.decide(admin(), SCALE, Optional.of("shop")))
        .isEqualTo(
            new AccessDecision.Denied(
                "tool 'kubernetes_scale' is mutating and the server runs in read-only mode"));
    assertThat(policy.decide(admin(), DELETE, Optional.empty()).allowed()).isFalse();
    assertThat(policy.decide(admin(), GET, Optional.empty()).allowed()).isTrue();
    assertThat(policy.decide(reader(), GET, Optional.empty()).allowed()).isTrue();
  }

  @Test
  void givenDestructiveDisabled_decide_deniesOnlyDestructiveToolsForTheAdmin() {
    AccessPolicy policy = AccessPolicy.defaults(new ServerMode(false, true));

    assertThat(policy.decide(admin(), DELETE, Optional.of("shop")))
        .isEqualTo(
            new AccessDecision.Denied(
                "tool 'kubernetes_delete_resource' is destructive and the server runs in non-destructive mode"));
    assertThat(policy.decide(admin(), SCALE, Optional.of("shop")).allowed()).isTrue();
  }

  @Test
  void givenRestrictiveMode_canUseAndModeAdmits_hideTheToolsForEverybody() {
    AccessPolicy readOnly = AccessPolicy.defaults(new ServerMode(true, false));
    AccessPolicy noDestructive = AccessPolicy.defaults(new ServerMode(false, true));

    assertThat(readOnly.canUse(admin(), SCALE)).isFalse();
    assertThat(readOnly.modeAdmits(SCALE)).isFalse();
    assertThat(readOnly.modeAdmits(GET)).isTrue();
    assertThat(noDestructive.canUse(admin(), DELETE)).isFalse();
    assertThat(noDestructive.canUse(admin(), SCALE)).isTrue();
    assertThat(noDestructive.modeAdmits(DELETE)).isFalse();
  }

  @Test
  void givenReadOnlyMode_hasPermission_stillGrantsAdminPermissions() {
    AccessPolicy policy = AccessPolicy.defaults(new ServerMode(true, true));

    assertThat(policy.hasPermission(admin(), Permission.AUDIT_READ)).isTrue();
  }

  private static AccessRule rule(String name, PrincipalMatcher match, Grant allow) {
    return new AccessRule(name, match, allow);
  }

  private static PrincipalMatcher groups(String... patterns) {
    return new PrincipalMatcher(null, GlobSet.of(List.of(patterns)), null, false);
  }

  private static PrincipalMatcher users(String... patterns) {
    return new PrincipalMatcher(GlobSet.of(List.of(patterns)), null, null, false);
  }

  private static PrincipalMatcher keys(String... patterns) {
    return new PrincipalMatcher(null, null, GlobSet.of(List.of(patterns)), false);
  }

  private static Grant grant(List<String> tools, Set<ToolRisk> risks, List<String> namespaces, Permission... permissions) {
    return new Grant(GlobSet.of(tools), risks, GlobSet.of(namespaces), Set.of(permissions));
  }

  private static final Set<ToolRisk> ALL_RISKS = EnumSet.allOf(ToolRisk.class);

  @Test
  void givenNamespaceExclusion_decide_allowsEveryNamespaceButTheExcludedOne() {
    AccessPolicy policy =
        AccessPolicy.of(
            List.of(rule("team-a", groups("team-a"), grant(List.of("kubernetes_*"), ALL_RISKS, List.of("*", "!kube-system")))),
            ServerMode.unrestricted());
    Principal alice = jwtUser("alice", "team-a");

    assertThat(policy.decide(alice, SCALE, Optional.of("shop"))).isEqualTo(new AccessDecision.Allowed("team-a"));
    assertThat(policy.decide(alice, SCALE, Optional.of("kube-system")))
        .isEqualTo(
            new AccessDecision.Denied(
                "principal 'alice' may not use tool 'kubernetes_scale' in namespace 'kube-system'"));
  }

  @Test
  void givenRestrictedNamespacesAndNoNamespace_decide_asksForANamespace() {
    AccessPolicy policy =
        AccessPolicy.of(
            List.of(rule("team-a", groups("team-a"), grant(List.of("*"), ALL_RISKS, List.of("team-a-*")))),
            ServerMode.unrestricted());
    Principal alice = jwtUser("alice", "team-a");

    AccessDecision decision = policy.decide(alice, LIST, Optional.empty());

    assertThat(decision)
        .isEqualTo(
            new AccessDecision.Denied(
                "principal 'alice' may use tool 'kubernetes_list_resources_summary' only in specific namespaces;"
                    + " name one with the 'namespace' argument"));
    assertThat(policy.decide(alice, LIST, Optional.of("team-a-dev")).allowed()).isTrue();
    assertThat(policy.decide(alice, LIST, Optional.of("team-b-dev")).allowed()).isFalse();
    assertThat(policy.canUse(alice, LIST)).isTrue();
  }

  @Test
  void givenExclusionOnly_decide_treatsItAsRestrictedForClusterWideCalls() {
    AccessPolicy policy =
        AccessPolicy.of(
            List.of(rule("not-system", groups("devs"), grant(List.of("*"), ALL_RISKS, List.of("!kube-*")))),
            ServerMode.unrestricted());
    Principal bob = jwtUser("bob", "devs");

    assertThat(policy.decide(bob, GET, Optional.of("shop")).allowed()).isTrue();
    assertThat(policy.decide(bob, GET, Optional.of("kube-public")).allowed()).isFalse();
    assertThat(policy.decide(bob, GET, Optional.empty()).allowed()).isFalse();
  }

  @Test
  void givenUserGlob_decide_matchesByPrincipalNameWhateverTheMethod() {
    AccessPolicy policy =
        AccessPolicy.of(
            List.of(rule("ops", users("ops-*"), grant(List.of("*"), ALL_RISKS, List.of("*")))),
            ServerMode.unrestricted());

    assertThat(policy.decide(jwtUser("ops-bob"), DELETE, Optional.empty())).isEqualTo(new AccessDecision.Allowed("ops"));
    assertThat(policy.decide(apiKeyUser("ops-ci"), DELETE, Optional.empty()).allowed()).isTrue();
    assertThat(policy.decide(jwtUser("dev-bob"), DELETE, Optional.empty()))
        .isEqualTo(
            new AccessDecision.Denied(
                "principal 'dev-bob' is not allowed to use tool 'kubernetes_delete_resource' (destructive)"));
  }

  @Test
  void givenKeyGlob_decide_matchesOnlyApiKeyPrincipals() {
    AccessPolicy policy =
        AccessPolicy.of(
            List.of(rule("ci", keys("ci-*"), grant(List.of("kubernetes_scale"), Set.of(ToolRisk.MUTATING), List.of("*")))),
            ServerMode.unrestricted());

    assertThat(policy.decide(apiKeyUser("ci-deployer"), SCALE, Optional.of("shop")).allowed()).isTrue();
    assertThat(policy.decide(jwtUser("ci-deployer"), SCALE, Optional.of("shop")).allowed()).isFalse();
  }

  @Test
  void givenGroupGlob_decide_matchesAnyOfThePrincipalsGroups() {
    AccessPolicy policy =
        AccessPolicy.of(
            List.of(rule("sre", groups("sre-*"), grant(List.of("*"), ALL_RISKS, List.of("*")))),
            ServerMode.unrestricted());

    assertThat(policy.decide(jwtUser("carol", "devs", "sre-oncall"), DELETE, Optional.empty()).allowed()).isTrue();
    assertThat(policy.decide(jwtUser("dave", "devs"), DELETE, Optional.empty()).allowed()).isFalse();
  }

  @Test
  void givenToolGlobAndRisks_decide_admitsOnlyMatchingTools() {
    AccessPolicy policy =
        AccessPolicy.of(
            List.of(
                rule(
                    "getters",
                    PrincipalMatcher.authenticated(),
                    grant(List.of("kubernetes_get_*", "helm_*"), Set.of(ToolRisk.READ_ONLY), List.of("*")))),
            ServerMode.unrestricted());

    assertThat(policy.decide(reader(), GET, Optional.empty()).allowed()).isTrue();
    assertThat(policy.decide(reader(), HELM, Optional.empty()).allowed()).isTrue();
    assertThat(policy.decide(reader(), LIST, Optional.empty()).allowed()).isFalse();
    assertThat(policy.canUse(reader(), LIST)).isFalse();
    // the name matches, the risk does not
    ToolDescriptor getAndPatch = ToolFixtures.mutatingTool("kubernetes_get_and_patch");
    assertThat(policy.decide(reader(), getAndPatch, Optional.empty()).allowed()).isFalse();
  }

  @Test
  void givenSeveralMatchingRules_decide_allowsWhenAnyRuleAdmitsTheNamespace() {
    AccessPolicy policy =
        AccessPolicy.of(
            List.of(
                rule("team", groups("team-a"), grant(List.of("*"), ALL_RISKS, List.of("team-a"))),
                rule("oncall", groups("oncall"), grant(List.of("*"), Set.of(ToolRisk.READ_ONLY), List.of("*")))),
            ServerMode.unrestricted());
    Principal erin = jwtUser("erin", "team-a", "oncall");

    assertThat(policy.decide(erin, GET, Optional.of("team-a"))).isEqualTo(new AccessDecision.Allowed("team"));
    assertThat(policy.decide(erin, GET, Optional.of("prod"))).isEqualTo(new AccessDecision.Allowed("oncall"));
    assertThat(policy.decide(erin, SCALE, Optional.of("prod")).allowed()).isFalse();
  }

  @Test
  void givenAuthenticatedRule_decide_treatsAnonymousAsAuthenticated() {
    // With auth.enabled false every caller is anonymous and trusted as authenticated.
    AccessPolicy policy =
        AccessPolicy.of(
            List.of(rule("all", PrincipalMatcher.authenticated(), Grant.everything())), ServerMode.unrestricted());

    assertThat(policy.decide(anonymous(), SCALE, Optional.empty())).isEqualTo(new AccessDecision.Allowed("all"));
    assertThat(policy.hasPermission(anonymous(), Permission.AUDIT_READ)).isTrue();
  }

  @Test
  void givenKeyRule_decide_doesNotMatchAnonymous() {
    AccessPolicy policy =
        AccessPolicy.of(
            List.of(rule("ci", keys("*"), Grant.everything())), ServerMode.unrestricted());

    assertThat(policy.decide(anonymous(), GET, Optional.empty()).allowed()).isFalse();
    assertThat(policy.decide(reader(), GET, Optional.empty()).allowed()).isTrue();
  }

  @Test
  void givenNoRules_decide_deniesEverything() {
    AccessPolicy policy = AccessPolicy.of(List.of(), ServerMode.unrestricted());

    assertThat(policy.decide(admin(), GET, Optional.empty()).allowed()).isFalse();
    assertThat(policy.canUse(admin(), GET)).isFalse();
  }

  @Test
  void givenPermissionGlob_hasPermission_matchesThePermissionsItCovers() {
    AccessPolicy policy =
        AccessPolicy.of(
            List.of(
                rule(
                    "auditors",
                    groups("auditors"),
                    grant(List.of("none"), Set.of(), List.of(), new Permission("audit:*")))),
            ServerMode.unrestricted());
    Principal auditor = jwtUser("frank", "auditors");

    assertThat(policy.hasPermission(auditor, Permission.AUDIT_READ)).isTrue();
    assertThat(policy.hasPermission(auditor, new Permission("audit:export"))).isTrue();
    assertThat(policy.hasPermission(auditor, Permission.KEYS_ADMIN)).isFalse();
    assertThat(policy.decide(auditor, GET, Optional.empty()).allowed()).isFalse();
  }

  @Test
  void givenWildcardPermission_hasPermission_coversEverything() {
    AccessPolicy policy =
        AccessPolicy.of(
            List.of(rule("root", users("root"), grant(List.of(), Set.of(), List.of(), new Permission("*")))),
            ServerMode.unrestricted());

    assertThat(policy.hasPermission(jwtUser("root"), Permission.KEYS_ADMIN)).isTrue();
    assertThat(policy.hasPermission(jwtUser("root"), Permission.AUDIT_READ)).isTrue();
  }

  @Test
  void givenMalformedPermission_constructor_refusesIt() {
    assertThatThrownBy(() -> new Permission("Audit Read")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Permission("audit:")).isInstanceOf(IllegalArgumentException.class);
  }
}
