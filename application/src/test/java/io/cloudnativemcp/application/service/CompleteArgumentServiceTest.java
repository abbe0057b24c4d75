package io.cloudnativemcp.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.in.CompleteArgumentQuery;
import io.cloudnativemcp.application.port.in.CompleteArgumentUseCase.Completions;
import io.cloudnativemcp.application.port.out.ClusterUnavailableException;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.service.tool.ToolHarness;
import io.cloudnativemcp.application.service.tool.ToolCatalog;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.AccessRule;
import io.cloudnativemcp.domain.access.ConfirmationFallback;
import io.cloudnativemcp.domain.access.GlobSet;
import io.cloudnativemcp.domain.access.Grant;
import io.cloudnativemcp.domain.access.PrincipalMatcher;
import io.cloudnativemcp.domain.access.ResourceDenyList;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.principal.AuthMethod;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.principal.PrincipalId;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CompleteArgumentServiceTest {
  static final Principal ALICE = new Principal(new PrincipalId("alice"), "alice", AuthMethod.JWT, Set.of("sre"));

  private final FakeClusterGateway cluster =
      new FakeClusterGateway()
          .with("Namespace", object("shop", null), object("shipping", null), object("kube-system", null))
          .with("Pod", object("web-1", "shop"), object("web-2", "shop"), object("cart-1", "shop"), object("web-9", "shipping"))
          .with("Service", object("web", "shop"), object("cart", "shop"))
          .with("Secret", helmSecret("shop-frontend", "shop", 1), helmSecret("shop-frontend", "shop", 2), helmSecret("ingress", "shipping", 1));

  private CompleteArgumentService service(AccessPolicy policy) {
    ToolCatalog catalog = ToolHarness.catalog(cluster, policy.mode(), new MutableClock(Instant.parse("2026-01-10T15:00:00Z")));
    return new CompleteArgumentService(new PromptService(policy), new ListToolsService(catalog, policy), policy, cluster, cluster);
  }

  private final CompleteArgumentService service = service(AccessPolicy.defaults(ServerMode.unrestricted()));

  private Completions complete(CompleteArgumentService s, String prompt, String argument, String prefix, Map<String, String> context) {
    return s.complete(new CompleteArgumentQuery(ALICE, prompt, argument, prefix, context));
  }

  @Test
  void givenANamespaceArgument_complete_suggestsNamespacesByPrefix() {
    assertThat(complete(service, "kubernetes_workload_diagnosis", "namespace", "sh", Map.of()).values()).containsExactly("shipping", "shop");
  }

  @Test
  void givenANameArgument_complete_listsObjectsOfTheKindInTheNamespaceGiven() {
    Completions pods = complete(service, "kubernetes_workload_diagnosis", "name", "web", Map.of("namespace", "shop", "kind", "Pod"));
    Completions services = complete(service, "kubernetes_service_connectivity_diagnosis", "service", "", Map.of("namespace", "shop"));

    assertThat(pods.values()).containsExactly("web-1", "web-2");
    assertThat(services.values()).containsExactly("cart", "web");
  }

  @Test
  void givenAKindArgument_complete_suggestsKindsTheClusterServes() {
    assertThat(complete(service, "kubernetes_rollout_recovery", "kind", "deploy", Map.of()).values()).containsExactly("deployments.apps");
    assertThat(complete(service, "kubernetes_rollout_recovery", "kind", "s", Map.of()).values()).contains("secrets", "services", "statefulsets.apps");
  }

  @Test
  void givenAHelmReleaseArgument_complete_suggestsEachReleaseOnce() {
    assertThat(complete(service, "helm_release_diagnosis", "release", "", Map.of()).values()).containsExactly("ingress", "shop-frontend");
    assertThat(complete(service, "helm_release_diagnosis", "release", "", Map.of("namespace", "shipping")).values()).containsExactly("ingress");
  }

  @Test
  void givenAChoiceArgument_complete_filtersTheChoices_withoutAskingTheCluster() {
    int before = cluster.queries().size();

    assertThat(complete(service, "kubernetes_safe_remediation", "action", "s", Map.of()).values()).containsExactly("scale");
    assertThat(cluster.queries()).hasSize(before);
  }

  @Test
  void givenFreeTextOrAnUnknownPromptOrArgument_complete_suggestsNothing() {
    assertThat(complete(service, "cloud_native_incident_triage", "symptom", "", Map.of()).values()).isEmpty();
    assertThat(complete(service, "no_such_prompt", "namespace", "", Map.of()).values()).isEmpty();
    assertThat(complete(service, "kubernetes_workload_diagnosis", "colour", "", Map.of()).values()).isEmpty();
  }

  @Test
  void givenACallerWhoMayNotListTools_complete_suggestsNoClusterData() {
    AccessPolicy nothing =
        AccessPolicy.of(
            List.of(new AccessRule("none", PrincipalMatcher.authenticated(), new Grant(GlobSet.of(List.of("helm_*")), EnumSet.of(ToolRisk.READ_ONLY), GlobSet.all(), Set.of()))),
            ServerMode.unrestricted());

    CompleteArgumentService s = service(nothing);

    assertThat(complete(s, "kubernetes_workload_diagnosis", "namespace", "", Map.of()).values()).isEmpty();
    assertThat(complete(s, "kubernetes_workload_diagnosis", "name", "", Map.of("namespace", "shop")).values()).isEmpty();
    assertThat(complete(s, "helm_release_diagnosis", "release", "", Map.of()).values()).containsExactly("ingress", "shop-frontend");
  }

  @Test
  void givenServerLimitsOnNamespacesAndKinds_complete_respectsThem() {
    ServerMode limited =
        new ServerMode(false, false)
            .with(GlobSet.all(), GlobSet.of(List.of("shop")), ResourceDenyList.of(List.of("Secret")), ConfirmationFallback.ALLOW);
    CompleteArgumentService s = service(AccessPolicy.defaults(limited));

    assertThat(complete(s, "kubernetes_workload_diagnosis", "namespace", "", Map.of()).values()).containsExactly("shop");
    assertThat(complete(s, "kubernetes_workload_diagnosis", "kind", "secret", Map.of()).values()).isEmpty();
    assertThat(complete(s, "kubernetes_workload_diagnosis", "name", "", Map.of("namespace", "shop", "kind", "secrets")).values()).isEmpty();
  }

  @Test
  void givenTheCallerIdentity_complete_readsTheClusterAsTheCaller() {
    complete(service, "kubernetes_workload_diagnosis", "namespace", "", Map.of());

    assertThat(cluster.targets()).isNotEmpty().allSatisfy(t -> {
      assertThat(t.user()).contains("alice");
      assertThat(t.groups()).containsExactly("sre");
    });
  }

  @Test
  void givenManyMatches_complete_returnsTheFirstHundredAndTheTotal() {
    FakeClusterGateway big = new FakeClusterGateway();
    IntStream.range(0, 150).forEach(i -> big.with("Namespace", object("ns-%03d".formatted(i), null)));
    AccessPolicy policy = AccessPolicy.defaults(ServerMode.unrestricted());
    ToolCatalog catalog = ToolHarness.catalog(big, new MutableClock(Instant.parse("2026-01-10T15:00:00Z")));
    CompleteArgumentService s = new CompleteArgumentService(new PromptService(policy), new ListToolsService(catalog, policy), policy, big, big);

    Completions c = complete(s, "kubernetes_workload_diagnosis", "namespace", "ns-", Map.of());

    assertThat(c.values()).hasSize(100).startsWith("ns-000");
    assertThat(c.total()).isEqualTo(150);
    assertThat(c.hasMore()).isTrue();
  }

  @Test
  void givenAClusterThatDoesNotAnswer_complete_suggestsNothing_ratherThanFailing() {
    cluster.failingWith(new ClusterUnavailableException("connection refused"));

    assertThat(complete(service, "kubernetes_workload_diagnosis", "namespace", "", Map.of()).values()).isEmpty();
  }

  static Map<String, Object> object(String name, String namespace) {
    return namespace == null ? Map.of("metadata", Map.of("name", name)) : Map.of("metadata", Map.of("name", name, "namespace", namespace));
  }

  static Map<String, Object> helmSecret(String release, String namespace, int revision) {
    return Map.of(
        "metadata",
        Map.of(
            "name", "sh.helm.release.v1." + release + ".v" + revision,
            "namespace", namespace,
            "labels", Map.of("owner", "helm", "name", release, "version", String.valueOf(revision))));
  }
}
