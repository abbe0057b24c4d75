package io.cloudnativemcp.adapter.out.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.port.out.ClusterAccessDeniedException;
import io.cloudnativemcp.application.port.out.ClusterRequestException;
import io.cloudnativemcp.application.port.out.MetricsUnavailableException;
import io.cloudnativemcp.application.port.out.ResourceNotFoundException;
import io.cloudnativemcp.application.port.out.UnknownContextException;
import io.cloudnativemcp.application.port.out.UnknownKindException;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ClusterTarget;
import io.cloudnativemcp.domain.cluster.DeleteOptions;
import io.cloudnativemcp.domain.cluster.Eviction;
import io.cloudnativemcp.domain.cluster.ExecRequest;
import io.cloudnativemcp.domain.cluster.ExecResult;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.PatchType;
import io.cloudnativemcp.domain.cluster.PermissionCheck;
import io.cloudnativemcp.domain.cluster.PermissionVerdict;
import io.cloudnativemcp.domain.cluster.PodLogQuery;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.OutputStreamMessage;
import io.fabric8.kubernetes.client.server.mock.StatusStreamMessage;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The toolset's capabilities of the adapter against the fabric8 mock API server over HTTP: changes
 * (CRUD mode), patches, evictions, metrics, access reviews, exec, logs, discovery, contexts and
 * impersonation (expectations where CRUD mode is not faithful).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesCapabilitiesIT {
  static KubernetesMockServer server;
  static KubernetesClient client;

  @TempDir Path dir;
  KubernetesClusterGateway gateway;

  @BeforeEach
  void connect() throws Exception {
    gateway = MockCluster.gateway(dir, server).on(ClusterTarget.caller(Optional.empty(), "alice", Set.of("dev")));
    client.pods().inAnyNamespace().delete();
    client.configMaps().inAnyNamespace().delete();
    client.nodes().delete();
  }

  private static String body(RecordedRequest r) {
    return r.getUtf8Body();
  }

  // ---- changes ----

  @Test
  void givenAManifest_create_postsItAndReturnsTheObject_thenRefusesADuplicate() throws Exception {
    Map<String, Object> manifest =
        Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "cfg", "namespace", "shop"), "data", Map.of("a", "1"));

    Map<String, Object> created = gateway.create(manifest, Optional.of("shop"));

    assertThat(ObjectFields.string(created, "metadata", "uid")).isNotBlank();
    assertThat(client.configMaps().inNamespace("shop").withName("cfg").get().getData()).containsEntry("a", "1");
    assertThatThrownBy(() -> gateway.create(manifest, Optional.of("shop")))
        .isInstanceOf(ClusterRequestException.class).hasMessageContaining("ConfigMap 'cfg': conflict (409)").hasMessageContaining("already exists");
  }

  @Test
  void givenMergeAndJsonPatches_patch_sendsTheRightContentTypeAndKeepsNulls() throws Exception {
    client.nodes().resource(new NodeBuilder().withNewMetadata().withName("n1").endMetadata().withNewSpec().withUnschedulable(true).endSpec().build()).create();
    Map<String, Object> spec = new java.util.HashMap<>();
    spec.put("unschedulable", null);

    Map<String, Object> merged = gateway.patch(new ResourceRef("nodes", "n1", Optional.empty()), PatchType.MERGE, Map.of("spec", spec));
    RecordedRequest merge = server.getLastRequest();
    // CRUD mode consumes the body it applies: an expectation shows what was sent.
    server.expect().patch().withPath("/api/v1/nodes/n2").andReturn(200, Map.of("kind", "Node", "metadata", Map.of("name", "n2"))).once();
    gateway.patch(new ResourceRef("nodes", "n2", Optional.empty()), PatchType.MERGE, Map.of("spec", spec));
    String mergeBody = body(server.getLastRequest());
    Map<String, Object> jsonPatched = gateway.patch(new ResourceRef("nodes", "n1", Optional.empty()), PatchType.JSON,
        List.of(Map.of("op", "add", "path", "/metadata/labels", "value", Map.of("zone", "a"))));

    assertThat(merge.getHeader("Content-Type")).startsWith("application/merge-patch+json");
    assertThat(mergeBody).isEqualTo("{\"spec\":{\"unschedulable\":null}}");
    assertThat(ObjectFields.at(merged, "spec", "unschedulable")).isNull();
    assertThat(ObjectFields.string(jsonPatched, "metadata", "labels", "zone")).isEqualTo("a");
    assertThat(server.getLastRequest().getHeader("Content-Type")).startsWith("application/json-patch+json");
  }

  @Test
  void givenAStrategicPatchTheServerRefuses_patch_explainsWhatToUse() throws Exception {
    client.configMaps().inNamespace("shop").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("cfg").withNamespace("shop").endMetadata().build()).create();

    assertThatThrownBy(() -> gateway.patch(new ResourceRef("cm", "cfg", Optional.of("shop")), PatchType.STRATEGIC, Map.of("data", Map.of("a", "b"))))
        .isInstanceOf(ClusterRequestException.class).hasMessageContaining("415").hasMessageContaining("use patchType merge or json");
  }

  @Test
  void givenAnApplyPatch_patch_sendsTheFullIdentityAndTheFieldManager() throws Exception {
    server.expect().patch().withPath("/apis/apps/v1/namespaces/shop/deployments/web?fieldManager=cloud-native-mcp-server")
        .andReturn(200, Map.of("apiVersion", "apps/v1", "kind", "Deployment", "metadata", Map.of("name", "web", "namespace", "shop", "generation", 4)))
        .once();

    Map<String, Object> applied = gateway.patch(new ResourceRef("deploy", "web", Optional.of("shop")), PatchType.APPLY, Map.of("spec", Map.of("replicas", 3)));

    RecordedRequest r = server.getLastRequest();
    assertThat(r.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
    assertThat(body(r)).isEqualTo("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"spec\":{\"replicas\":3},\"metadata\":{\"name\":\"web\",\"namespace\":\"shop\"}}");
    assertThat(applied).containsKey("metadata");
  }

  @Test
  void givenAnObject_delete_removesItWithOptions_andAMissingOneIsNotFound() throws Exception {
    client.configMaps().inNamespace("shop").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("cfg").withNamespace("shop").endMetadata().build()).create();

    gateway.delete(new ResourceRef("configmaps", "cfg", Optional.of("shop")), new DeleteOptions(Optional.of(0L), Optional.of("Foreground")));

    assertThat(server.getLastRequest().getPath()).contains("gracePeriodSeconds=0", "propagationPolicy=Foreground");
    assertThat(client.configMaps().inNamespace("shop").withName("cfg").get()).isNull();
    assertThatThrownBy(() -> gateway.delete(new ResourceRef("configmaps", "cfg", Optional.of("shop")), DeleteOptions.defaults()))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("ConfigMap 'cfg' not found in namespace 'shop'");
  }

  @Test
  void givenHostileNames_calls_escapeThemAsData() throws Exception {
    assertThatThrownBy(() -> gateway.delete(new ResourceRef("configmaps", "../secrets/db", Optional.of("shop")), DeleteOptions.defaults()))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(server.getLastRequest().getPath()).isEqualTo("/api/v1/namespaces/shop/configmaps/..%2Fsecrets%2Fdb");
    assertThatThrownBy(() -> gateway.get(new ResourceRef("configmaps", "../secrets/db", Optional.of("shop"))))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(server.getLastRequest().getPath()).isEqualTo("/api/v1/namespaces/shop/configmaps/..%2Fsecrets%2Fdb");
    gateway.list(new ListQuery("pods", Optional.of("shop"), "app=web,tier in (a,b)", "spec.nodeName=n1&x=y", 5, null));
    assertThat(server.getLastRequest().getPath()).contains("labelSelector=app%3Dweb%2Ctier%20in%20%28a%2Cb%29", "fieldSelector=spec.nodeName%3Dn1%26x%3Dy");
  }

  // ---- pods ----

  @Test
  void givenEvictionAnswers_evict_mapsThemToOutcomes() throws Exception {
    server.expect().post().withPath("/api/v1/namespaces/shop/pods/web-1/eviction").andReturn(201, Map.of("kind", "Status", "status", "Success")).once();
    server.expect().post().withPath("/api/v1/namespaces/shop/pods/db-0/eviction")
        .andReturn(429, Map.of("kind", "Status", "code", 429, "message", "Cannot evict pod as it would violate the pod's disruption budget.")).once();
    server.expect().post().withPath("/api/v1/namespaces/shop/pods/gone/eviction").andReturn(404, Map.of("kind", "Status", "code", 404)).once();

    assertThat(gateway.evict("shop", "web-1", Optional.of(30L)).outcome()).isEqualTo(Eviction.Outcome.EVICTED);
    assertThat(gateway.evict("shop", "db-0", Optional.empty()))
        .isEqualTo(new Eviction(Eviction.Outcome.BLOCKED_BY_DISRUPTION_BUDGET, "Cannot evict pod as it would violate the pod's disruption budget."));
    assertThat(gateway.evict("shop", "gone", Optional.empty()).outcome()).isEqualTo(Eviction.Outcome.ALREADY_GONE);
  }

  @Test
  void givenEvictionBody_evict_isAPolicyV1EvictionWithTheGracePeriod() throws Exception {
    server.expect().post().withPath("/api/v1/namespaces/shop/pods/web-2/eviction").andReturn(201, Map.of()).once();

    gateway.evict("shop", "web-2", Optional.of(5L));

    assertThat(body(server.getLastRequest()))
        .isEqualTo("{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"web-2\",\"namespace\":\"shop\"},\"deleteOptions\":{\"gracePeriodSeconds\":5}}");
  }

  @Test
  void givenPreviousAndSince_podLog_passesThem_andA400IsExplained() throws Exception {
    server.expect().get().withPath("/api/v1/namespaces/shop/pods/web-1/log?previous=true&sinceSeconds=60&tailLines=10")
        .andReturn(200, "crashed\n").once();
    server.expect().get().withPath("/api/v1/namespaces/shop/pods/multi/log?previous=false&tailLines=10")
        .andReturn(400, Map.of("kind", "Status", "code", 400, "message", "a container name must be specified for pod multi, choose one of: [app proxy]")).once();

    assertThat(gateway.podLog(new PodLogQuery("shop", "web-1", Optional.empty(), 10, true, Optional.of(60)))).startsWith("crashed");
    assertThatThrownBy(() -> gateway.podLog(new PodLogQuery("shop", "multi", Optional.empty(), 10, false, Optional.empty())))
        .isInstanceOf(ClusterRequestException.class).hasMessageContaining("choose one of: [app proxy]");
  }

  @Test
  void givenAnExecSession_exec_collectsOutputAndTheExitStatus() throws Exception {
    server.expect()
        .get()
        .withPath("/api/v1/namespaces/shop/pods/web-1/exec?stdin=false&stdout=true&stderr=true&tty=false&container=web&command=ls")
        .andUpgradeToWebSocket()
        .open()
        .waitFor(300).andEmit(new OutputStreamMessage("bin\netc\n"))
        .waitFor(100).andEmit(new StatusStreamMessage(0))
        .done()
        .once();

    ExecResult r = gateway.exec(new ExecRequest("shop", "web-1", Optional.of("web"), List.of("ls"), Duration.ofSeconds(10)));

    assertThat(r.stdout()).isEqualTo("bin\netc\n");
    assertThat(r.exitCode()).contains(0);
    assertThat(r.timedOut()).isFalse();
  }

  @Test
  void givenAnExecTheServerRefuses_exec_translatesTheStatus() throws Exception {
    // Without a container name the client reads the pod first to find its only container.
    client.pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata().withName("locked").withNamespace("shop").endMetadata()
        .withNewSpec().addNewContainer().withName("app").endContainer().endSpec().build()).create();
    server.expect().get()
        .withPath("/api/v1/namespaces/shop/pods/locked/exec?stdin=false&stdout=true&stderr=true&tty=false&container=app&command=ls")
        .andReturn(403, Map.of("kind", "Status", "code", 403, "message", "pods \"locked\" is forbidden: cannot create pods/exec"))
        .once();

    assertThatThrownBy(() -> gateway.exec(new ExecRequest("shop", "locked", Optional.empty(), List.of("ls"), Duration.ofSeconds(5))))
        .isInstanceOf(ClusterAccessDeniedException.class).hasMessageContaining("Forbidden by the cluster's RBAC");
  }

  // ---- metrics and permissions ----

  @Test
  void givenMetricsServer_podAndNodeMetrics_returnTheItems() throws Exception {
    server.expect().get().withPath("/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods")
        .andReturn(200, Map.of("kind", "PodMetricsList", "items", List.of(Map.of("metadata", Map.of("name", "web-1", "namespace", "shop"),
            "containers", List.of(Map.of("name", "web", "usage", Map.of("cpu", "12m", "memory", "40Mi"))))))).once();
    server.expect().get().withPath("/apis/metrics.k8s.io/v1beta1/nodes/n1")
        .andReturn(200, Map.of("kind", "NodeMetrics", "metadata", Map.of("name", "n1"), "usage", Map.of("cpu", "250m", "memory", "2Gi"))).once();

    assertThat(gateway.podMetrics(Optional.of("shop"), Optional.empty())).singleElement()
        .satisfies(m -> assertThat(ObjectFields.string(m, "metadata", "name")).isEqualTo("web-1"));
    assertThat(ObjectFields.string(gateway.nodeMetrics(Optional.of("n1")).get(0), "usage", "cpu")).isEqualTo("250m");
  }

  @Test
  void givenNoMetricsServer_metrics_saySoClearly() throws Exception {
    server.expect().get().withPath("/apis/metrics.k8s.io/v1beta1/nodes").andReturn(404, Map.of("kind", "Status", "code", 404)).once();
    server.expect().get().withPath("/apis/metrics.k8s.io/v1beta1/pods").andReturn(503, Map.of("kind", "Status", "code", 503)).once();

    assertThatThrownBy(() -> gateway.nodeMetrics(Optional.empty()))
        .isInstanceOf(MetricsUnavailableException.class).hasMessageContaining("metrics-server is not installed or not ready");
    assertThatThrownBy(() -> gateway.podMetrics(Optional.empty(), Optional.empty())).isInstanceOf(MetricsUnavailableException.class);
  }

  @Test
  void givenAnAccessReview_check_postsASelfSubjectAccessReview() throws Exception {
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
        .andReturn(201, Map.of("apiVersion", "authorization.k8s.io/v1", "kind", "SelfSubjectAccessReview",
            "status", Map.of("allowed", false, "reason", "no RBAC policy matched"))).once();

    PermissionVerdict v = gateway.check(new PermissionCheck("delete", "apps", "deployments", Optional.empty(), Optional.of("web"), Optional.of("shop")));

    assertThat(v).isEqualTo(new PermissionVerdict(false, false, "no RBAC policy matched", ""));
    assertThat(body(server.getLastRequest())).contains("\"kind\":\"SelfSubjectAccessReview\"",
        "\"resourceAttributes\":{\"verb\":\"delete\",\"group\":\"apps\",\"resource\":\"deployments\",\"name\":\"web\",\"namespace\":\"shop\"}");
  }

  // ---- discovery ----

  private void serveDiscovery(boolean withCrd) {
    server.expect().get().withPath("/api").andReturn(200, Map.of("kind", "APIVersions", "versions", List.of("v1"))).always();
    server.expect().get().withPath("/api/v1").andReturn(200, Map.of("kind", "APIResourceList", "groupVersion", "v1", "resources", List.of(
        Map.of("name", "pods", "singularName", "pod", "namespaced", true, "kind", "Pod", "verbs", List.of("get", "list"), "shortNames", List.of("po")),
        Map.of("name", "pods/log", "namespaced", true, "kind", "Pod", "verbs", List.of("get")),
        Map.of("name", "nodes", "singularName", "node", "namespaced", false, "kind", "Node", "verbs", List.of("get", "list"), "shortNames", List.of("no"))))).always();
    List<Object> groups = new java.util.ArrayList<>(List.of(group("apps", "v1")));
    if (withCrd) {
      groups.add(group("stable.example.com", "v1"));
    }
    server.expect().get().withPath("/apis").andReturn(200, Map.of("kind", "APIGroupList", "groups", groups)).once();
    server.expect().get().withPath("/apis/apps/v1").andReturn(200, Map.of("kind", "APIResourceList", "groupVersion", "apps/v1", "resources", List.of(
        Map.of("name", "deployments", "singularName", "deployment", "namespaced", true, "kind", "Deployment", "verbs", List.of("get"), "shortNames", List.of("deploy"))))).always();
    server.expect().get().withPath("/apis/stable.example.com/v1").andReturn(200, Map.of("kind", "APIResourceList", "resources", List.of(
        Map.of("name", "crontabs", "singularName", "crontab", "namespaced", true, "kind", "CronTab", "verbs", List.of("get", "list"), "shortNames", List.of("ct"))))).always();
  }

  private static Map<String, Object> group(String name, String version) {
    return Map.of("name", name, "versions", List.of(Map.of("groupVersion", name + "/" + version, "version", version)),
        "preferredVersion", Map.of("groupVersion", name + "/" + version, "version", version));
  }

  @Test
  void givenDiscovery_resolve_findsBuiltInsCrdsShortNamesAndQualifiedNames() throws Exception {
    serveDiscovery(true);
    ApiDiscovery discovery = new ApiDiscovery(() -> gateway.serverClient(), Duration.ZERO);

    assertThat(discovery.resolve("ct")).isEqualTo(new ApiResource("stable.example.com", "v1", "CronTab", "crontabs", "crontab", true, List.of("ct"), List.of("get", "list")));
    assertThat(discovery.resolve("crontabs.stable.example.com").kind()).isEqualTo("CronTab");
    assertThat(discovery.resolve("CronTab.stable.example.com").kind()).isEqualTo("CronTab");
    assertThat(discovery.resolve("deploy").group()).isEqualTo("apps");
    assertThat(discovery.resolve("no").namespaced()).isFalse();
    assertThat(discovery.resources()).extracting(ApiResource::plural).doesNotContain("pods/log");
    assertThat(discovery.versions()).containsExactly("v1", "apps/v1", "stable.example.com/v1");
    assertThatThrownBy(() -> discovery.resolve("crontbas")).isInstanceOf(UnknownKindException.class).hasMessageContaining("crontabs.stable.example.com");
  }

  @Test
  void givenACrdInstalledLater_resolve_refreshesOnAMiss() throws Exception {
    serveDiscovery(false);
    server.expect().get().withPath("/apis").andReturn(200, Map.of("kind", "APIGroupList", "groups", List.of(group("apps", "v1"), group("stable.example.com", "v1")))).always();
    ApiDiscovery discovery = new ApiDiscovery(() -> gateway.serverClient(), Duration.ZERO);

    assertThat(discovery.versions()).doesNotContain("stable.example.com/v1");
    assertThat(discovery.resolve("crontab").group()).isEqualTo("stable.example.com");
  }

  @Test
  void givenAServerWithoutDiscovery_resolve_fallsBackToTheBuiltInKinds() throws Exception {
    // The CRUD mock answers /api with a list of objects, not APIVersions.
    ApiDiscovery discovery = new ApiDiscovery(() -> gateway.serverClient(), Duration.ZERO);

    assertThat(discovery.resolve("sts").kind()).isEqualTo("StatefulSet");
    assertThat(discovery.resolve("deployments.apps").group()).isEqualTo("apps");
  }

  // ---- contexts and impersonation ----

  private Path twoContexts() throws Exception {
    String url = server.url("/").replaceAll("/$", "");
    Path file = dir.resolve("two-contexts");
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster: {server: %s}
        contexts:
        - name: dev
          context: {cluster: mock, user: dev-user}
        - name: staging
          context: {cluster: mock, user: staging-user}
        - name: prod
          context: {cluster: mock, user: prod-user}
        current-context: dev
        users:
        - name: dev-user
          user: {token: dev-token}
        - name: staging-user
          user: {token: staging-token}
        - name: prod-user
          user: {token: prod-token}
        """.formatted(url), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void givenConfiguredContexts_on_usesTheirCredentialsAndRefusesOthers() throws Exception {
    KubernetesClusterGateway multi = new KubernetesClusterGateway(new KubernetesSettings(Optional.of(twoContexts()), Optional.of("dev"),
        Duration.ofSeconds(2), Duration.ofSeconds(5), List.of("staging"), false));

    multi.on(ClusterTarget.caller(Optional.empty(), "alice", Set.of())).list(new ListQuery("pods", Optional.of("shop"), null, null, 5, null));
    String defaultAuth = server.getLastRequest().getHeader("Authorization");
    multi.on(ClusterTarget.caller(Optional.of("staging"), "alice", Set.of())).list(new ListQuery("pods", Optional.of("shop"), null, null, 5, null));
    String stagingAuth = server.getLastRequest().getHeader("Authorization");

    assertThat(defaultAuth).isEqualTo("Bearer dev-token");
    assertThat(stagingAuth).isEqualTo("Bearer staging-token");
    assertThatThrownBy(() -> multi.on(ClusterTarget.caller(Optional.of("prod"), "alice", Set.of())))
        .isInstanceOf(UnknownContextException.class).hasMessageContaining("'prod'").hasMessageContaining("Use one of: dev, staging.");
  }

  @Test
  void givenImpersonation_calls_carryTheCallersIdentityButNeverTheirCredentials() throws Exception {
    KubernetesClusterGateway impersonating = new KubernetesClusterGateway(new KubernetesSettings(Optional.of(MockCluster.kubeconfig(dir, server.url("/"))),
        Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(5), List.of(), true));

    impersonating.on(ClusterTarget.caller(Optional.empty(), "alice@example.com", Set.of("sre", "dev")))
        .list(new ListQuery("pods", Optional.of("shop"), null, null, 5, null));

    RecordedRequest r = server.getLastRequest();
    assertThat(r.getHeader("Impersonate-User")).isEqualTo("alice@example.com");
    assertThat(r.getHeaders().headers("Impersonate-Group")).containsExactly("dev", "sre");
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer kube-token-never-shown");
    assertThatThrownBy(() -> impersonating.list(new ListQuery("pods", Optional.of("shop"), null, null, 5, null)))
        .as("an unbound call would run as the server").isInstanceOf(ClusterAccessDeniedException.class).hasMessageContaining("no caller identity");
  }

  @Test
  void givenNoImpersonation_calls_runAsTheServer() throws Exception {
    gateway.list(new ListQuery("pods", Optional.of("shop"), null, null, 5, null));

    assertThat(server.getLastRequest().getHeader("Impersonate-User")).isNull();
  }

  @Test
  void givenAPodOnTheMock_getAndList_addApiVersionAndKindToListItems() throws Exception {
    client.pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata().withName("web-1").withNamespace("shop").endMetadata().build()).create();

    Map<String, Object> item = gateway.list(new ListQuery("pods", Optional.of("shop"), null, null, 5, null)).items().get(0);

    assertThat(item).containsEntry("apiVersion", "v1").containsEntry("kind", "Pod");
  }
}
