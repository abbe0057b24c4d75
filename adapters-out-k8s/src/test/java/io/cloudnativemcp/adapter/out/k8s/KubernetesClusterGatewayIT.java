package io.cloudnativemcp.adapter.out.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.port.out.ClusterAccessDeniedException;
import io.cloudnativemcp.application.port.out.ClusterNotConfiguredException;
import io.cloudnativemcp.application.port.out.ClusterUnavailableException;
import io.cloudnativemcp.application.port.out.CountingMetricsRecorder;
import io.cloudnativemcp.application.port.out.ResourceNotFoundException;
import io.cloudnativemcp.application.port.out.UnknownKindException;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.PodLogQuery;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway against the fabric8 mock API server over HTTP (CRUD mode, expectations where CRUD is not faithful). */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesClusterGatewayIT {
  static KubernetesMockServer server;
  static KubernetesClient client;

  @TempDir Path dir;
  KubernetesClusterGateway gateway;

  @BeforeEach
  void connect() throws Exception {
    gateway = MockCluster.gateway(dir, server);
    client.pods().inAnyNamespace().delete();
    client.apps().deployments().inAnyNamespace().delete();
    client.nodes().delete();
  }

  private void pod(String ns, String name, String app) {
    client.pods().inNamespace(ns).resource(
            new PodBuilder().withNewMetadata().withName(name).withNamespace(ns).addToLabels("app", app).endMetadata()
                .withNewSpec().withNodeName("node-1").addNewContainer().withName("main").withImage("nginx:1.27").endContainer().endSpec()
                .withNewStatus().withPhase("Running").endStatus().build())
        .create();
  }

  @Test
  void givenPodsInTwoNamespaces_listInOneNamespace_returnsOnlyThoseWithTheirFields() {
    pod("shop", "web-1", "web");
    pod("shop", "web-2", "web");
    pod("billing", "api-1", "api");

    ResourcePage page = gateway.list(new ListQuery("po", Optional.of("shop"), null, null, 100, null));

    assertThat(page.kind()).isEqualTo("Pod");
    assertThat(page.items()).extracting(i -> ObjectFields.string(i, "metadata", "name")).containsExactlyInAnyOrder("web-1", "web-2");
    assertThat(ObjectFields.string(page.items().get(0), "spec", "nodeName")).isEqualTo("node-1");
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void givenPodsInTwoNamespaces_listWithoutNamespace_returnsAll() {
    pod("shop", "web-1", "web");
    pod("billing", "api-1", "api");

    ResourcePage page = gateway.list(new ListQuery("pods", Optional.empty(), null, null, 100, null));

    assertThat(page.items()).hasSize(2);
  }

  @Test
  void givenLabels_listWithLabelSelector_filters() {
    pod("shop", "web-1", "web");
    pod("shop", "api-1", "api");

    ResourcePage page = gateway.list(new ListQuery("Pod", Optional.of("shop"), "app=api", null, 100, null));

    assertThat(page.items()).extracting(i -> ObjectFields.string(i, "metadata", "name")).containsExactly("api-1");
  }

  @Test
  void givenADeploymentAndNodes_listByShortNameAndGroupedName_resolvesTheKind() {
    client.apps().deployments().inNamespace("shop").resource(
            new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("shop").endMetadata()
                .withNewSpec().withReplicas(3).endSpec().build())
        .create();
    client.nodes().resource(new NodeBuilder().withNewMetadata().withName("node-1").endMetadata().build()).create();

    assertThat(gateway.list(new ListQuery("deploy", Optional.of("shop"), null, null, 10, null)).items()).hasSize(1);
    assertThat(gateway.list(new ListQuery("deployments.apps", Optional.of("shop"), null, null, 10, null)).kind()).isEqualTo("Deployment");
    ResourcePage nodes = gateway.list(new ListQuery("no", Optional.of("ignored-for-cluster-scoped"), null, null, 10, null));
    assertThat(nodes.items()).hasSize(1);
  }

  @Test
  void givenAPod_get_returnsTheObjectAsAMapWithIntegersAsLongs() {
    pod("shop", "web-1", "web");
    client.pods().inNamespace("shop").withName("web-1").editStatus(p -> new PodBuilder(p).editStatus()
        .addNewContainerStatus().withName("main").withRestartCount(3).withReady(true).endContainerStatus().endStatus().build());

    Map<String, Object> pod = gateway.get(new ResourceRef("pod", "web-1", Optional.of("shop")));

    assertThat(ObjectFields.string(pod, "metadata", "namespace")).isEqualTo("shop");
    assertThat(ObjectFields.list(pod, "status", "containerStatuses").get(0).get("restartCount")).isEqualTo(3L);
  }

  @Test
  void givenNoSuchPod_get_throwsNotFoundNamingIt() {
    assertThatThrownBy(() -> gateway.get(new ResourceRef("pods", "ghost", Optional.of("shop"))))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("Pod 'ghost' not found in namespace 'shop'");
  }

  @Test
  void givenAnUnknownKind_list_suggestsCloseMatches() {
    assertThatThrownBy(() -> gateway.list(new ListQuery("deploymnets", Optional.empty(), null, null, 10, null)))
        .isInstanceOf(UnknownKindException.class)
        .hasMessageContaining("deployments");
  }

  @Test
  void givenMorePodsThanTheLimit_list_passesLimitAndContinueAndReturnsTheToken() {
    // CRUD mode ignores limit/continue: an expectation serves the paged answer.
    server.expect().get().withPath("/api/v1/namespaces/paged/pods?limit=2&watch=false")
        .andReturn(200, Map.of("apiVersion", "v1", "kind", "PodList",
            "metadata", Map.of("continue", "token-2", "remainingItemCount", 1),
            "items", java.util.List.of(podMap("a"), podMap("b"))))
        .once();
    server.expect().get().withPath("/api/v1/namespaces/paged/pods?continue=token-2&limit=2&watch=false")
        .andReturn(200, Map.of("apiVersion", "v1", "kind", "PodList", "metadata", Map.of(), "items", java.util.List.of(podMap("c"))))
        .once();

    ResourcePage first = gateway.list(new ListQuery("pods", Optional.of("paged"), null, null, 2, null));
    ResourcePage second = gateway.list(new ListQuery("pods", Optional.of("paged"), null, null, 2, first.continueToken()));

    assertThat(first.items()).hasSize(2);
    assertThat(first.continueToken()).isEqualTo("token-2");
    assertThat(first.remainingItemCount()).isEqualTo(1L);
    assertThat(second.items()).hasSize(1);
    assertThat(second.hasMore()).isFalse();
  }

  private static Map<String, Object> podMap(String name) {
    return Map.of("apiVersion", "v1", "kind", "Pod", "metadata", Map.of("name", name, "namespace", "paged"));
  }

  @Test
  void givenAPodLog_podLog_asksForTheTailAndReturnsTheText() {
    // CRUD mode answers pods/{name}/log with the pod list: an expectation serves the log.
    server.expect().get().withPath("/api/v1/namespaces/shop/pods/web-1/log?container=main&previous=false&tailLines=5")
        .andReturn(200, "line 1\nline 2\n").once();

    String log = gateway.podLog(new PodLogQuery("shop", "web-1", Optional.of("main"), 5, false, Optional.empty()));

    assertThat(log).isEqualTo("line 1\nline 2\n");
  }

  @Test
  void givenRbacRefuses_list_throwsAccessDenied() {
    server.expect().get().withPath("/api/v1/namespaces/secret-ns/pods?limit=10&watch=false")
        .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden")
            .withMessage("pods is forbidden: User \"system:serviceaccount:mcp:mcp\" cannot list resource \"pods\"").build())
        .once();

    assertThatThrownBy(() -> gateway.list(new ListQuery("pods", Optional.of("secret-ns"), null, null, 10, null)))
        .isInstanceOf(ClusterAccessDeniedException.class)
        .hasMessageContaining("cannot list resource");
  }

  @Test
  void everyApiRequest_isTimedAndFailuresAreCounted_byVerb() throws Exception {
    CountingMetricsRecorder metrics = new CountingMetricsRecorder();
    KubernetesClusterGateway measured =
        new KubernetesClusterGateway(
            new KubernetesSettings(Optional.of(MockCluster.kubeconfig(dir, server.url("/"))), Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(5)),
            metrics);

    measured.list(new ListQuery("pods", Optional.of("shop"), null, null, 10, null));
    metrics.forgetKubernetesCalls(); // discovery requests of the first call are measured too; count only what follows
    measured.list(new ListQuery("pods", Optional.of("shop"), null, null, 10, null));
    assertThatThrownBy(() -> measured.get(new ResourceRef("pods", "ghost", Optional.of("shop"))))
        .isInstanceOf(ResourceNotFoundException.class);

    assertThat(metrics.kubernetesCalls()).containsExactly("get ok", "get failed");
  }

  @Test
  void givenTheApiServerIsDown_list_saysItCannotReachIt() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    KubernetesClusterGateway down =
        new KubernetesClusterGateway(
            new KubernetesSettings(
                Optional.of(MockCluster.kubeconfig(dir, "http://127.0.0.1:" + closedPort)),
                Optional.empty(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2)));

    assertThatThrownBy(() -> down.list(new ListQuery("pods", Optional.empty(), null, null, 10, null)))
        .isInstanceOf(ClusterUnavailableException.class)
        .hasMessageContaining("Cannot reach the Kubernetes API server at http://127.0.0.1:" + closedPort)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("kube-token-never-shown"));
  }

  @Test
  void givenAMissingKubeconfig_list_saysWhatToConfigure() {
    KubernetesClusterGateway unconfigured =
        new KubernetesClusterGateway(
            new KubernetesSettings(Optional.of(dir.resolve("absent")), Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(1)));

    assertThatThrownBy(() -> unconfigured.list(new ListQuery("pods", Optional.empty(), null, null, 10, null)))
        .isInstanceOf(ClusterNotConfiguredException.class)
        .hasMessageContaining("KUBECONFIG");
  }

  @Test
  void givenAContextThatDoesNotExist_list_namesIt() throws Exception {
    KubernetesClusterGateway wrongContext =
        new KubernetesClusterGateway(
            new KubernetesSettings(
                Optional.of(MockCluster.kubeconfig(dir, server.url("/"))), Optional.of("prod"), Duration.ofSeconds(1), Duration.ofSeconds(1)));

    assertThatThrownBy(() -> wrongContext.list(new ListQuery("pods", Optional.empty(), null, null, 10, null)))
        .isInstanceOf(ClusterNotConfiguredException.class)
        .hasMessageContaining("no context named 'prod'");
  }

  @Test
  void givenANamespace_getClusterScopedKind_ignoresTheNamespace() {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build()).create();

    Map<String, Object> ns = gateway.get(new ResourceRef("ns", "shop", Optional.of("default")));

    assertThat(ObjectFields.string(ns, "metadata", "name")).isEqualTo("shop");
  }
}
