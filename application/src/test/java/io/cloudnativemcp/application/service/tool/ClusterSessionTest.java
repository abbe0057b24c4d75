package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.domain.access.ConfirmationFallback;
import io.cloudnativemcp.domain.access.GlobSet;
import io.cloudnativemcp.domain.access.ResourceDenyList;
import io.cloudnativemcp.domain.access.RestrictedResourceException;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.cluster.ClusterTarget;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.PodFixtures;
import io.cloudnativemcp.domain.cluster.PodLogQuery;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.cloudnativemcp.domain.cluster.WorkloadFixtures;
import io.cloudnativemcp.domain.principal.PrincipalFixtures;
import io.cloudnativemcp.domain.tool.ToolArguments;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The session every tool goes through: the caller's target, the denied kinds and the served namespaces. */
class ClusterSessionTest {
  private final FakeClusterGateway fake = new FakeClusterGateway();
  private final ServerMode limited =
      ServerMode.unrestricted().with(GlobSet.all(), GlobSet.of(List.of("shop", "team-*")), ResourceDenyList.of(List.of("/Secret")), ConfirmationFallback.ALLOW);

  private ClusterSession session(ServerMode mode, Map<String, Object> arguments) {
    return ToolHarness.cluster(fake, mode).session(ToolArguments.trusted(arguments), ToolCall.of(PrincipalFixtures.jwtUser("alice")));
  }

  @Test
  void givenACallersArguments_session_bindsEveryPortToTheContextAndIdentity() {
    session(ServerMode.unrestricted(), Map.of("context", "staging"));

    assertThat(fake.targets()).hasSize(5).allSatisfy(t -> {
      assertThat(t.context()).contains("staging");
      assertThat(t.user()).contains("alice");
    });
    assertThat(fake.targets().get(0)).isEqualTo(ClusterTarget.caller(Optional.of("staging"), "alice", PrincipalFixtures.jwtUser("alice").groups()));
  }

  @Test
  void givenADeniedKind_session_refusesBeforeTheClusterIsAsked() {
    ClusterSession s = session(limited, Map.of());

    assertThatThrownBy(() -> s.list(new ListQuery("secrets", Optional.of("shop"), null, null, 10, null)))
        .isInstanceOf(RestrictedResourceException.class).hasMessageContaining("Kind Secret is not available on this server");
    assertThatThrownBy(() -> s.get(new ResourceRef("secret", "db", Optional.of("shop")))).isInstanceOf(RestrictedResourceException.class);
    assertThat(fake.queries()).isEmpty();
    assertThat(s.apiResources()).noneMatch(r -> r.kind().equals("Secret"));
  }

  @Test
  void givenUnservedNamespaces_session_refusesThemAndFiltersListings() {
    fake.with("Pod", PodFixtures.runningPod("a", "shop", "n"), PodFixtures.runningPod("b", "kube-system", "n"), PodFixtures.runningPod("c", "team-x", "n"));
    fake.with("Namespace", map("kind", "Namespace", "metadata", map("name", "shop")), map("kind", "Namespace", "metadata", map("name", "kube-system")));
    ClusterSession s = session(limited, Map.of());

    assertThat(s.list(new ListQuery("pods", Optional.empty(), null, null, 10, null)).items())
        .extracting(o -> ObjectFields.string(o, "metadata", "name")).containsExactly("a", "c");
    assertThat(s.list(new ListQuery("namespaces", Optional.empty(), null, null, 10, null)).items())
        .extracting(o -> ObjectFields.string(o, "metadata", "name")).containsExactly("shop");
    assertThatThrownBy(() -> s.list(new ListQuery("pods", Optional.of("kube-system"), null, null, 10, null)))
        .hasMessageContaining("Namespace 'kube-system' is outside the namespaces this server serves");
    assertThatThrownBy(() -> s.get(new ResourceRef("pods", "x", Optional.empty())))
        .as("an omitted namespace means default, which is not served").hasMessageContaining("'default'");
    assertThatThrownBy(() -> s.get(new ResourceRef("namespaces", "kube-system", Optional.empty()))).isInstanceOf(RestrictedResourceException.class);
    assertThatThrownBy(() -> s.podLog(new PodLogQuery("kube-system", "b", Optional.empty(), 10, false, Optional.empty())))
        .isInstanceOf(RestrictedResourceException.class);
  }

  @Test
  void givenClusterScopedKinds_session_dropsTheNamespace() {
    fake.with("Node", WorkloadFixtures.node("n1", true, false));
    ClusterSession s = session(limited, Map.of());

    assertThat(s.get(new ResourceRef("nodes", "n1", Optional.of("kube-system")))).isNotEmpty();
    assertThat(fake.lastQuery(ResourceRef.class)).contains(new ResourceRef("nodes", "n1", Optional.empty()));
    s.list(new ListQuery("nodes", Optional.of("kube-system"), null, null, 10, null));
    assertThat(fake.lastQuery(ListQuery.class).get().namespace()).isEmpty();
  }

  @Test
  void givenEvents_session_masksCredentialsInTheirMessages() {
    fake.with("Event", WorkloadFixtures.event("shop", "Warning", "Failed", "Pod", "web", "login failed: password=hunter2x", "2026-01-10T12:00:00Z"));

    assertThat(session(ServerMode.unrestricted(), Map.of()).list(new ListQuery("events", Optional.empty(), null, null, 10, null)).items().get(0))
        .containsEntry("message", "login failed: password=***REDACTED***");
  }

  @Test
  void givenNoContextArgument_session_bindsTheDefault() {
    session(ServerMode.unrestricted(), Map.of());

    assertThat(fake.targets().get(0).context()).isEmpty();
    assertThat(fake.targets().get(0).groups()).isEqualTo(Set.copyOf(PrincipalFixtures.jwtUser("alice").groups()));
  }
}
