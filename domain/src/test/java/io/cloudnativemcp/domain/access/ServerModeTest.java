package io.cloudnativemcp.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.domain.principal.PrincipalFixtures;
import io.cloudnativemcp.domain.tool.ToolFixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server-wide limits added for the toolset: tool allow/deny, namespaces, denied kinds, confirmation fallback. */
class ServerModeTest {
  private final ServerMode limited =
      ServerMode.unrestricted()
          .with(
              GlobSet.of(List.of("kubernetes_*", "!kubernetes_pod_exec")),
              GlobSet.of(List.of("team-*", "!team-secret")),
              ResourceDenyList.of(List.of("/Secret", "rbac.authorization.k8s.io/*")),
              ConfirmationFallback.DENY);

  @Test
  void givenToolPatterns_admits_hidesDisabledTools() {
    assertThat(limited.admits(ToolFixtures.readOnlyTool("kubernetes_get_resource"))).isTrue();
    assertThat(limited.admits(ToolFixtures.destructiveTool("kubernetes_pod_exec"))).isFalse();
    assertThat(limited.admits(ToolFixtures.readOnlyTool("helm_list_releases"))).isFalse();
  }

  @Test
  void givenAHiddenTool_policy_neitherListsNorAllowsIt() {
    AccessPolicy policy = AccessPolicy.defaults(limited);

    assertThat(policy.canUse(PrincipalFixtures.admin(), ToolFixtures.destructiveTool("kubernetes_pod_exec"))).isFalse();
    assertThat(policy.modeAdmits(ToolFixtures.destructiveTool("kubernetes_pod_exec"))).isFalse();
    AccessDecision d = policy.decide(PrincipalFixtures.admin(), ToolFixtures.destructiveTool("kubernetes_pod_exec"), Optional.empty());
    assertThat(d).isInstanceOfSatisfying(AccessDecision.Denied.class, x -> assertThat(x.reason()).contains("disabled on this server"));
  }

  @Test
  void givenNamespacePatterns_decide_refusesOtherNamespacesEvenForTheAdmin() {
    AccessPolicy policy = AccessPolicy.defaults(limited);

    assertThat(policy.decide(PrincipalFixtures.admin(), ToolFixtures.readOnlyTool("kubernetes_get_resource"), Optional.of("team-a")).allowed()).isTrue();
    assertThat(policy.decide(PrincipalFixtures.admin(), ToolFixtures.readOnlyTool("kubernetes_get_resource"), Optional.of("team-secret")))
        .isInstanceOfSatisfying(AccessDecision.Denied.class, x -> assertThat(x.reason()).contains("namespace 'team-secret' is outside"));
    assertThat(limited.restrictsNamespaces()).isTrue();
    assertThat(ServerMode.unrestricted().restrictsNamespaces()).isFalse();
  }

  @Test
  void givenADenyList_servesKind_matchesGroupAndKindCaseInsensitively() {
    assertThat(limited.servesKind("", "Secret")).isFalse();
    assertThat(limited.servesKind("", "secret")).isFalse();
    assertThat(limited.servesKind("", "ConfigMap")).isTrue();
    assertThat(limited.servesKind("rbac.authorization.k8s.io", "Role")).isFalse();
    assertThat(limited.servesKind("apps", "Deployment")).isTrue();
    assertThat(ResourceDenyList.of(List.of("core/Secret")).denies("", "Secret")).isTrue();
    assertThat(ResourceDenyList.of(List.of("apps/Deployment")).denies("", "Deployment")).isFalse();
    assertThatThrownBy(() -> ResourceDenyList.of(List.of("apps/"))).hasMessageContaining("group/Kind");
  }

  @Test
  void givenTheTwoArgumentMode_defaults_areOpenAndAllowConfirmation() {
    ServerMode mode = new ServerMode(true, false);

    assertThat(mode.tools().isUnrestricted()).isTrue();
    assertThat(mode.confirmationFallback()).isEqualTo(ConfirmationFallback.ALLOW);
    assertThat(ConfirmationFallback.fromWireName("DENY")).isEqualTo(ConfirmationFallback.DENY);
    assertThatThrownBy(() -> ConfirmationFallback.fromWireName("ask")).hasMessageContaining("allow or deny");
  }
}
