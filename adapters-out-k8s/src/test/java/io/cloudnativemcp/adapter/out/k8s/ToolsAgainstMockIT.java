package io.cloudnativemcp.adapter.out.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.in.CallToolCommand;
import io.cloudnativemcp.application.port.in.RequestOrigin;
import io.cloudnativemcp.application.port.in.ToolCallResult;
import io.cloudnativemcp.application.port.out.InMemoryAuditLogRepository;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.application.service.CallToolService;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.application.service.monitor.SecurityMonitor;
import io.cloudnativemcp.application.service.tool.ToolCatalog;
import io.cloudnativemcp.application.settings.AuditSettings;
import io.cloudnativemcp.application.settings.MonitoringSettings;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.HelmFixtures;
import io.cloudnativemcp.domain.monitoring.Sensitivity;
import io.cloudnativemcp.domain.principal.PrincipalFixtures;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.OutputStreamMessage;
import io.fabric8.kubernetes.client.server.mock.StatusStreamMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every tool through the use case and the real adapter against the fabric8 mock API server: the
 * happy path of each, and the error paths an assistant meets (not found, forbidden, API down, bad
 * arguments), each an {@code isError}-style result with a message naming what to do.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ToolsAgainstMockIT {
  static KubernetesMockServer server;
  static KubernetesClient client;

  @TempDir Path dir;
  private CallToolService service;
  private final String created = Instant.now().minusSeconds(3600).toString();

  private CallToolService service(KubernetesClusterGateway gateway) {
    ToolCatalog catalog =
        new ToolCatalog(gateway, gateway, gateway, gateway, gateway, new YamlManifestReader(), AccessPolicy.defaults(ServerMode.unrestricted()),
            MaskingPolicy.defaults(), OutputLimits.defaults(), Clock.systemUTC());
    AuditTrail audit = new AuditTrail(new InMemoryAuditLogRepository(), AuditSettings.defaults(), MetricsRecorder.none());
    SecurityMonitor monitor = new SecurityMonitor(
        new MonitoringSettings(5, Duration.ofMinutes(5), Duration.ofMinutes(5), false, Sensitivity.MEDIUM), a -> {}, MetricsRecorder.none());
    return new CallToolService(catalog, AccessPolicy.defaults(ServerMode.unrestricted()), MaskingPolicy.defaults(), audit, monitor,
        MetricsRecorder.none(), OutputLimits.defaults(), new MutableClock(Instant.now()));
  }

  @BeforeEach
  void seed() throws Exception {
    service = service(MockCluster.gateway(dir, server));
    client.pods().inAnyNamespace().delete();
    client.apps().deployments().inAnyNamespace().delete();
    client.configMaps().inAnyNamespace().delete();
    client.secrets().inAnyNamespace().delete();
    client.nodes().delete();
    client.v1().events().inAnyNamespace().delete();
    client.nodes().resource(new NodeBuilder().withNewMetadata().withName("worker-1").withCreationTimestamp(created).endMetadata()
        .withNewStatus().addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady").endCondition()
        .addToAllocatable("cpu", new io.fabric8.kubernetes.api.model.Quantity("4")).endStatus().build()).create();
    client.pods().inNamespace("shop").resource(new PodBuilder()
        .withNewMetadata().withName("web-1").withNamespace("shop").addToLabels("app", "web").withCreationTimestamp(created)
          .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName("web-7d").withUid("rs-1").withController(true).endOwnerReference()
        .endMetadata()
        .withNewSpec().withNodeName("worker-1").addNewContainer().withName("web").withImage("nginx:1.27")
          .addNewEnv().withName("DB_PASSWORD").withValue("env-secret-value").endEnv().endContainer().endSpec()
        .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition()
          .addNewContainerStatus().withName("web").withReady(true).withRestartCount(0).endContainerStatus().endStatus().build()).create();
    client.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder()
        .withNewMetadata().withName("web").withNamespace("shop").withGeneration(1L).endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "web").endSelector().endSpec()
        .withNewStatus().withObservedGeneration(1L).withReplicas(1).withUpdatedReplicas(1).withReadyReplicas(1).withAvailableReplicas(1).endStatus()
        .build()).create();
    client.secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata().withName("db").withNamespace("shop").endMetadata()
        .addToData("password", Base64.getEncoder().encodeToString("secret-value-1".getBytes())).build()).create();
    Map<String, Object> helm = HelmFixtures.releaseSecret("shop", "shop", 1, "deployed", "nginx", "{\"password\":\"helm-secret-value\"}", "---\nkind: Service\n");
    @SuppressWarnings("unchecked")
    Map<String, String> labels = (Map<String, String>) ((Map<String, Object>) helm.get("metadata")).get("labels");
    client.secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata().withName("sh.helm.release.v1.shop.v1").withNamespace("shop")
        .withLabels(labels).endMetadata().withType("helm.sh/release.v1")
        .addToData("release", String.valueOf(((Map<?, ?>) helm.get("data")).get("release"))).build()).create();
    client.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata().withName("cfg").withNamespace("shop").endMetadata()
        .addToData("LOG_LEVEL", "debug").build()).create();
    client.v1().events().inNamespace("shop").resource(new EventBuilder().withNewMetadata().withName("web-1.1").withNamespace("shop").endMetadata()
        .withType("Warning").withReason("BackOff").withMessage("Back-off pulling image").withLastTimestamp(created)
        .withNewInvolvedObject().withKind("Pod").withName("web-1").withNamespace("shop").endInvolvedObject().build()).create();
  }

  private ToolCallResult call(String tool, Map<String, Object> args) {
    return service.call(new CallToolCommand(PrincipalFixtures.admin(), tool, args, new RequestOrigin("127.0.0.1", "test", null)));
  }

  private String ok(String tool, Map<String, Object> args) {
    ToolCallResult r = call(tool, args);
    assertThat(r).as(tool + " " + args + " -> " + r).isInstanceOf(ToolCallResult.Succeeded.class);
    String text = ((ToolCallResult.Succeeded) r).result().text();
    assertThat(text).as(tool + " leaks no secret").doesNotContain("env-secret-value", "secret-value-1", "helm-secret-value",
        Base64.getEncoder().encodeToString("secret-value-1".getBytes()));
    return text;
  }

  private String failed(String tool, Map<String, Object> args) {
    ToolCallResult r = call(tool, args);
    assertThat(r).as(tool + " " + args).isInstanceOf(ToolCallResult.Failed.class);
    return ((ToolCallResult.Failed) r).message();
  }

  @Test
  void givenTheShop_everyReadTool_answersFromTheMockApi() {
    Map<String, Object> pod = Map.of("kind", "pods", "name", "web-1", "namespace", "shop");
    assertThat(ok("kubernetes_list_resources_summary", Map.of("kind", "po", "namespace", "shop"))).contains("web-1", "Running", "1/1", "worker-1");
    assertThat(ok("kubernetes_get_resource_summary", pod)).contains("Pod shop/web-1", "owner: ReplicaSet/web-7d");
    assertThat(ok("kubernetes_list_resources", Map.of("kind", "pods", "namespace", "shop", "jsonpath", "{.spec.nodeName}"))).contains("worker-1");
    assertThat(ok("kubernetes_list_resources_full", Map.of("kind", "secrets", "namespace", "shop"))).contains("password: \"***REDACTED***\"");
    assertThat(ok("kubernetes_get_resource", Map.of("kind", "secrets", "name", "db", "namespace", "shop", "jsonpath", "{.data.password}"))).contains("***REDACTED***");
    assertThat(ok("kubernetes_get_resources_detail", Map.of("kind", "cm", "names", List.of("cfg", "none"), "namespace", "shop"))).contains("LOG_LEVEL", "not found: none");
    assertThat(ok("kubernetes_get_resource_details", Map.of("kind", "deploy", "name", "web", "namespace", "shop"))).contains("selects", "web-1");
    assertThat(ok("kubernetes_get_resource_detail_advanced", Map.of("kind", "pods", "name", "web-1", "namespace", "shop", "includeDiagnostics", true))).contains("== Diagnostics ==");
    assertThat(ok("kubernetes_describe_resource", pod)).contains("Name:           web-1", "DB_PASSWORD: ***REDACTED***");
    assertThat(ok("kubernetes_search_resources", Map.of("query", "web"))).contains("Pod", "web-1", "Deployment");
    assertThat(ok("kubernetes_get_api_versions", Map.of())).contains("apps/v1");
    assertThat(ok("kubernetes_get_api_resources", Map.of("apiGroup", "apps"))).contains("deployments");
    assertThat(ok("kubernetes_get_recent_events", Map.of("namespace", "shop"))).contains("BackOff", "pod/web-1");
    assertThat(ok("kubernetes_get_events", Map.of("namespace", "shop"))).contains("BackOff");
    assertThat(ok("kubernetes_get_events_detail", Map.of("namespace", "shop"))).contains("Back-off pulling image");
    assertThat(ok("kubernetes_get_unhealthy_resources", Map.of("namespace", "shop"))).contains("No unhealthy objects found");
    assertThat(ok("kubernetes_get_node_conditions", Map.of("nodeName", "worker-1"))).contains("KubeletReady");
    assertThat(ok("kubernetes_analyze_issue", Map.of("issueType", "deployment_unavailable", "resourceKind", "Deployment", "resourceName", "web", "namespace", "shop")))
        .contains("Rule-based analysis");
    assertThat(ok("kubernetes_get_rollout_status", Map.of("kind", "deploy", "name", "web", "namespace", "shop"))).contains("successfully rolled out");
    assertThat(ok("kubernetes_wait_for_resource", Map.of("kind", "pods", "name", "web-1", "namespace", "shop", "timeoutSeconds", 5))).contains("done after");
    assertThat(ok("helm_list_releases", Map.of("namespace", "shop"))).contains("shop", "deployed", "nginx-2.1.1");
    assertThat(ok("helm_get_release", Map.of("name", "shop", "namespace", "shop"))).contains("password: \"***REDACTED***\"");
    assertThat(ok("helm_get_release_status", Map.of("name", "shop", "namespace", "shop"))).contains("deployed");
    assertThat(ok("helm_get_release_values", Map.of("name", "shop", "namespace", "shop", "all", true))).contains("repository: nginx");
    assertThat(ok("helm_get_release_manifest", Map.of("name", "shop", "namespace", "shop"))).contains("kind: Service");
    assertThat(ok("helm_get_release_history", Map.of("name", "shop", "namespace", "shop"))).contains("REVISION");
    assertThat(ok("helm_find_broken_releases", Map.of())).contains("No broken Helm releases");
  }

  @Test
  void givenExpectations_logsMetricsPermissionsAndExec_answer() {
    server.expect().get().withPath("/api/v1/namespaces/shop/pods/web-1/log?previous=false&tailLines=50").andReturn(200, "GET / 200\n").once();
    server.expect().get().withPath("/apis/metrics.k8s.io/v1beta1/nodes").andReturn(200, Map.of("kind", "NodeMetricsList",
        "items", List.of(Map.of("metadata", Map.of("name", "worker-1"), "usage", Map.of("cpu", "1", "memory", "1Gi"))))).once();
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
        .andReturn(201, Map.of("kind", "SelfSubjectAccessReview", "status", Map.of("allowed", true))).once();
    server.expect().get().withPath("/api/v1/namespaces/shop/pods/web-1/exec?stdin=false&stdout=true&stderr=true&tty=false&container=web&command=hostname")
        .andUpgradeToWebSocket().open().waitFor(100).andEmit(new OutputStreamMessage("web-1\n")).waitFor(50).andEmit(new StatusStreamMessage(0)).done().once();

    assertThat(ok("kubernetes_get_pod_logs", Map.of("name", "web-1", "namespace", "shop"))).contains("GET / 200");
    assertThat(ok("kubernetes_get_resource_usage", Map.of("resourceType", "node"))).contains("worker-1", "1000m", "25%");
    assertThat(ok("kubernetes_check_permissions", Map.of("verb", "list", "resourceGroup", "", "resourceResource", "pods"))).startsWith("yes");
    assertThat(ok("kubernetes_pod_exec", Map.of("podName", "web-1", "namespace", "shop", "containerName", "web", "command", List.of("hostname"))))
        .contains("web-1", "[exit code 0]");
  }

  @Test
  void givenTheShop_everyChangeTool_changesTheMockCluster() {
    assertThat(ok("kubernetes_create_resource", Map.of("kind", "ConfigMap", "manifest", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: new\n  namespace: shop\ndata:\n  a: '1'\n")))
        .startsWith("Created ConfigMap shop/new");
    assertThat(client.configMaps().inNamespace("shop").withName("new").get().getData()).containsEntry("a", "1");
    assertThat(ok("kubernetes_patch_resource", Map.of("kind", "cm", "name", "new", "namespace", "shop", "patch", "{\"data\":{\"a\":\"2\"}}"))).startsWith("Patched");
    assertThat(client.configMaps().inNamespace("shop").withName("new").get().getData()).containsEntry("a", "2");
    assertThat(ok("kubernetes_scale_resource", Map.of("kind", "deploy", "name", "web", "namespace", "shop", "replicas", 3))).contains("from 1 to 3");
    assertThat(client.apps().deployments().inNamespace("shop").withName("web").get().getSpec().getReplicas()).isEqualTo(3);
    assertThat(ok("kubernetes_restart_workload", Map.of("kind", "deploy", "name", "web", "namespace", "shop"))).startsWith("Restarted");
    assertThat(client.apps().deployments().inNamespace("shop").withName("web").get().getSpec().getTemplate().getMetadata().getAnnotations())
        .containsKey("kubectl.kubernetes.io/restartedAt");
    assertThat(ok("kubernetes_cordon_node", Map.of("name", "worker-1"))).contains("cordoned");
    assertThat(client.nodes().withName("worker-1").get().getSpec().getUnschedulable()).isTrue();
    assertThat(ok("kubernetes_uncordon_node", Map.of("name", "worker-1"))).contains("uncordoned");
    assertThat(client.nodes().withName("worker-1").get().getSpec().getUnschedulable()).isNull();
    assertThat(ok("kubernetes_delete_resource", Map.of("kind", "cm", "name", "new", "namespace", "shop"))).startsWith("Deleted ConfigMap shop/new");
    assertThat(client.configMaps().inNamespace("shop").withName("new").get()).isNull();
  }

  @Test
  void givenAPodOnANode_drain_evictsThroughTheEvictionApi() {
    server.expect().get().withPath("/api/v1/pods?fieldSelector=spec.nodeName%3Dworker-1&limit=500&watch=false")
        .andReturn(200, Map.of("kind", "PodList", "metadata", Map.of(), "items", List.of(client.pods().inNamespace("shop").withName("web-1").get())))
        .once();
    server.expect().post().withPath("/api/v1/namespaces/shop/pods/web-1/eviction").andReturn(201, Map.of("kind", "Status")).once();
    // The eviction is simulated, so the pod is deleted here as the eviction would.
    new Thread(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      client.pods().inNamespace("shop").withName("web-1").delete();
    }).start();

    String text = ok("kubernetes_drain_node", Map.of("name", "worker-1", "timeoutSeconds", 20));

    assertThat(text).contains("Node worker-1 cordoned", "Draining: done", "evicted: shop/web-1");
    assertThat(client.nodes().withName("worker-1").get().getSpec().getUnschedulable()).isTrue();
  }

  @Test
  void givenMissingObjects_readAndChangeTools_sayNotFound() {
    assertThat(failed("kubernetes_get_resource", Map.of("kind", "pods", "name", "ghost", "namespace", "shop"))).contains("Pod 'ghost' not found in namespace 'shop'");
    assertThat(failed("kubernetes_describe_resource", Map.of("kind", "deploy", "name", "ghost", "namespace", "shop"))).contains("Deployment 'ghost' not found");
    assertThat(failed("kubernetes_scale_resource", Map.of("kind", "deploy", "name", "ghost", "namespace", "shop", "replicas", 1))).contains("not found");
    assertThat(failed("kubernetes_delete_resource", Map.of("kind", "cm", "name", "ghost", "namespace", "shop"))).contains("ConfigMap 'ghost' not found");
    assertThat(failed("kubernetes_get_node_conditions", Map.of("nodeName", "ghost"))).contains("Node 'ghost' not found");
    assertThat(failed("helm_get_release", Map.of("name", "ghost", "namespace", "shop"))).contains("Helm release 'ghost' not found");
    assertThat(failed("kubernetes_get_resource", Map.of("kind", "widgets", "name", "x"))).contains("Unknown resource kind 'widgets'");
  }

  @Test
  void givenRbacRefusals_tools_sayForbidden() {
    server.expect().get().withPath("/api/v1/namespaces/locked/pods?limit=100&watch=false")
        .andReturn(403, Map.of("kind", "Status", "code", 403, "message", "pods is forbidden: User \"mcp\" cannot list resource \"pods\" in namespace \"locked\"")).once();
    server.expect().get().withPath("/api/v1/namespaces/locked/secrets?labelSelector=owner%3Dhelm&limit=200&watch=false")
        .andReturn(403, Map.of("kind", "Status", "code", 403, "message", "secrets is forbidden")).once();

    assertThat(failed("kubernetes_list_resources_summary", Map.of("kind", "pods", "namespace", "locked"))).contains("Forbidden by the cluster's RBAC", "cannot list resource");
    assertThat(failed("helm_list_releases", Map.of("namespace", "locked"))).contains("Forbidden");
  }

  @Test
  void givenTheApiServerDown_everyToolSaysItCannotReachIt() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    CallToolService down = service(new KubernetesClusterGateway(new KubernetesSettings(Optional.of(MockCluster.kubeconfig(dir, "http://127.0.0.1:" + closedPort)),
        Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(2))));
    Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
    calls.put("kubernetes_list_resources_summary", Map.of("kind", "pods"));
    calls.put("kubernetes_get_resource", Map.of("kind", "pods", "name", "x", "namespace", "shop"));
    calls.put("kubernetes_get_pod_logs", Map.of("name", "x", "namespace", "shop"));
    calls.put("kubernetes_get_resource_usage", Map.of("resourceType", "node"));
    calls.put("kubernetes_check_permissions", Map.of("verb", "get", "resourceGroup", "", "resourceResource", "pods"));
    calls.put("kubernetes_create_resource", Map.of("kind", "ConfigMap", "metadata", Map.of("name", "x")));
    calls.put("helm_list_releases", Map.of());
    for (Map.Entry<String, Map<String, Object>> c : calls.entrySet()) {
      ToolCallResult r = down.call(new CallToolCommand(PrincipalFixtures.admin(), c.getKey(), c.getValue(), new RequestOrigin("127.0.0.1", "test", null)));
      assertThat(r).as(c.getKey()).isInstanceOfSatisfying(ToolCallResult.Failed.class,
          f -> assertThat(f.message()).contains("Cannot reach the Kubernetes API server at http://127.0.0.1:" + closedPort));
    }
  }

  @Test
  void givenBadArguments_tools_nameTheField() {
    assertThat(failed("kubernetes_list_resources", Map.of("kind", "pods", "jsonpath", "{.status"))).contains("Invalid argument 'jsonpath'");
    assertThat(failed("kubernetes_pod_exec", Map.of("podName", "web-1", "namespace", "shop", "command", "rm -rf /"))).contains("Invalid argument 'command': must be an array");
    assertThat(failed("kubernetes_scale_resource", Map.of("kind", "deploy", "name", "web", "namespace", "shop", "replicas", "many"))).contains("'replicas'");
    assertThat(failed("kubernetes_wait_for_resource", Map.of("kind", "pods", "name", "web-1", "condition", "green"))).contains("'condition'");
    assertThat(failed("kubernetes_create_resource", Map.of("kind", "ConfigMap", "manifest", "a: [1"))).contains("'manifest'", "line");
  }
}
