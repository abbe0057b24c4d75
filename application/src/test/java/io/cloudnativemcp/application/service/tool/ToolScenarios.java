package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;

import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.HelmFixtures;
import io.cloudnativemcp.domain.cluster.PodFixtures;
import io.cloudnativemcp.domain.cluster.WorkloadFixtures;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small shop with credentials planted everywhere, and arguments for every tool that reach it:
 * shared by the masking test here and the output-schema and golden tests of the MCP adapter.
 */
public final class ToolScenarios {
  private ToolScenarios() {}

  public static final String SECRET_VALUE = "hunter2-secret-value";
  public static final String SECRET_B64 = Base64.getEncoder().encodeToString(SECRET_VALUE.getBytes(StandardCharsets.UTF_8));
  public static final String STRING_DATA = "plain-string-data-value";
  public static final String LAST_APPLIED = "last-applied-secret-value";
  public static final String ENV_PASSWORD = "env-password-value";
  public static final String ENV_TOKEN = "env-token-value";
  public static final String KUBECONFIG_TOKEN = "kubeconfig-token-value";
  public static final String BEARER = "log-bearer-token-value1234";
  public static final String HELM_PASSWORD = "helm-values-password";
  public static final String HELM_MANIFEST_SECRET = Base64.getEncoder().encodeToString("helm-manifest-secret".getBytes(StandardCharsets.UTF_8));
  public static final List<String> KNOWN =
      List.of(SECRET_VALUE, SECRET_B64, STRING_DATA, LAST_APPLIED, ENV_PASSWORD, ENV_TOKEN, KUBECONFIG_TOKEN, BEARER, HELM_PASSWORD,
          HELM_MANIFEST_SECRET);

  /** Seeds the fake with the shop: a Secret, a pod with credentials in its env, a kubeconfig, a Helm release, events, logs, metrics. */
  @SuppressWarnings("unchecked")
  public static void seed(FakeClusterGateway fake) {
    fake.with("Secret",
        map("apiVersion", "v1", "kind", "Secret", "type", "Opaque",
            "metadata", map("name", "db", "namespace", "shop", "creationTimestamp", "2026-01-10T12:00:00Z",
                "annotations", map("kubectl.kubernetes.io/last-applied-configuration", "{\"stringData\":{\"password\":\"" + LAST_APPLIED + "\"}}")),
            "data", map("password", SECRET_B64),
            "stringData", map("extra", STRING_DATA)),
        HelmFixtures.releaseSecret("shop", "shop", 1, "deployed", "shop",
            "{\"db\":{\"password\":\"" + HELM_PASSWORD + "\"}}",
            "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: shop-db\ndata:\n  password: " + HELM_MANIFEST_SECRET + "\n"));
    Map<String, Object> pod = PodFixtures.crashLoopingPod("web-1", "shop", "node-a", 3);
    @SuppressWarnings("unchecked")
    Map<String, Object> container = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) pod.get("spec")).get("containers")).get(0);
    container.put("env", List.of(map("name", "DB_PASSWORD", "value", ENV_PASSWORD), map("name", "API_TOKEN", "value", ENV_TOKEN),
        map("name", "MODE", "value", "prod")));
    ((Map<String, Object>) pod.get("metadata")).put("labels", map("app", "web"));
    fake.with("Pod", pod);
    fake.with("ConfigMap", map("apiVersion", "v1", "kind", "ConfigMap", "metadata", map("name", "kubeconfig", "namespace", "shop"),
        "data", map("config", "apiVersion: v1\nusers:\n- name: ci\n  user:\n    token: " + KUBECONFIG_TOKEN + "\n")));
    Map<String, Object> deployment = WorkloadFixtures.deployment("web", "shop", 1, 1);
    ((Map<String, Object>) deployment.get("spec")).put("selector", map("matchLabels", map("app", "web")));
    ((Map<String, Object>) deployment.get("spec")).put("template", map("spec", map("containers", List.of(container))));
    fake.with("Deployment", deployment);
    fake.with("Node", WorkloadFixtures.node("node-a", true, false), WorkloadFixtures.node("node-b", true, false));
    Map<String, Object> batch = PodFixtures.runningPod("batch-1", "shop", "node-b");
    ((Map<String, Object>) batch.get("metadata")).put("ownerReferences", List.of(map("kind", "ReplicaSet", "name", "batch", "controller", true)));
    fake.with("Pod", batch);
    fake.with("Event", WorkloadFixtures.event("shop", "Warning", "Failed", "Pod", "web-1", "connect failed with password=" + ENV_PASSWORD, "2026-01-10T14:00:00Z"));
    fake.withLog("shop", "web-1", "GET /api Authorization: Bearer " + BEARER + "\nstarting with DB_PASSWORD=" + ENV_PASSWORD + "\n");
    fake.withPodMetrics(map("metadata", map("name", "web-1", "namespace", "shop"), "containers", List.of(map("name", "web", "usage", map("cpu", "1m", "memory", "1Mi")))));
    fake.withNodeMetrics(map("metadata", map("name", "node-a"), "usage", map("cpu", "1m", "memory", "1Mi")));
    fake.withResource(new ApiResource("project.openshift.io", "v1", "Project", "projects", null, false, List.of(), List.of()));
    fake.with("Project", map("kind", "Project", "metadata", map("name", "shop")));
  }

  /** Every read-only tool, with the argument sets that reach the fixtures. */
  public static Map<String, List<Map<String, Object>>> readCalls() {
    Map<String, List<Map<String, Object>>> c = new LinkedHashMap<>();
    Map<String, Object> secret = Map.of("kind", "secrets", "name", "db", "namespace", "shop");
    Map<String, Object> pod = Map.of("kind", "pods", "name", "web-1", "namespace", "shop");
    Map<String, Object> cm = Map.of("kind", "configmaps", "name", "kubeconfig", "namespace", "shop");
    c.put("kubernetes_list_resources_summary", List.of(Map.of("kind", "secrets", "includeLabels", true), Map.of("kind", "pods"), Map.of("kind", "cm")));
    c.put("kubernetes_get_resource_summary", List.of(secret, pod, cm));
    c.put("kubernetes_list_resources", List.of(Map.of("kind", "secrets"), Map.of("kind", "secrets", "jsonpath", "{.data}"),
        Map.of("kind", "secrets", "jsonpaths", List.of("{.data.password}", "{.stringData}", "{.metadata.annotations}")),
        Map.of("kind", "secrets", "jsonpath", "{range .items[*]}{.data}{end}"), Map.of("kind", "pods", "jsonpath", "{..env}"),
        Map.of("kind", "cm", "jsonpath", "{.data.config}")));
    c.put("kubernetes_list_resources_full", List.of(Map.of("kind", "secrets"), Map.of("kind", "pods"), Map.of("kind", "cm"), Map.of("kind", "deploy")));
    c.put("kubernetes_get_resource", List.of(secret, pod, cm, Map.of("kind", "secrets", "name", "db", "namespace", "shop", "jsonpath", "{.data.password}"),
        Map.of("kind", "pods", "name", "web-1", "namespace", "shop", "jsonpath", "{.spec.containers[*].env}")));
    c.put("kubernetes_get_resources_detail", List.of(Map.of("kind", "secrets", "names", List.of("db"), "namespace", "shop", "includeEvents", true),
        Map.of("kind", "pods", "names", List.of("web-1"), "namespace", "shop"), Map.of("kind", "cm", "names", List.of("kubeconfig"), "namespace", "shop")));
    c.put("kubernetes_get_resource_details", List.of(secret, pod, cm, Map.of("kind", "deploy", "name", "web", "namespace", "shop")));
    c.put("kubernetes_get_resource_detail_advanced", List.of(
        Map.of("kind", "secrets", "name", "db", "namespace", "shop", "outputFormat", "verbose", "includeEvents", true, "includeRelationships", true, "includeDiagnostics", true),
        Map.of("kind", "pods", "name", "web-1", "namespace", "shop", "outputFormat", "verbose", "includeDiagnostics", true),
        Map.of("kind", "deploy", "name", "web", "namespace", "shop", "includeRelationships", true)));
    c.put("kubernetes_describe_resource", List.of(secret, pod, cm, Map.of("kind", "deploy", "name", "web", "namespace", "shop")));
    c.put("kubernetes_search_resources", List.of(Map.of("resourceTypes", List.of("secrets", "pods", "configmaps"), "query", "")));
    c.put("kubernetes_get_api_versions", List.of(Map.of()));
    c.put("kubernetes_get_api_resources", List.of(Map.of()));
    c.put("kubernetes_check_permissions", List.of(Map.of("verb", "get", "resourceGroup", "", "resourceResource", "secrets", "namespace", "shop")));
    c.put("kubernetes_get_recent_events", List.of(Map.of()));
    c.put("kubernetes_get_events", List.of(Map.of("namespace", "shop")));
    c.put("kubernetes_get_events_detail", List.of(Map.of("namespace", "shop", "includeNormalEvents", true)));
    c.put("kubernetes_get_pod_logs", List.of(Map.of("name", "web-1", "namespace", "shop"), Map.of("name", "web-1", "namespace", "shop", "grep", "Bearer")));
    c.put("kubernetes_get_resource_usage", List.of(Map.of("resourceType", "pod", "namespace", "shop"), Map.of("resourceType", "node")));
    c.put("kubernetes_get_unhealthy_resources", List.of(Map.of("resourceTypes", List.of("pods", "deployments", "nodes"))));
    c.put("kubernetes_get_node_conditions", List.of(Map.of("nodeName", "node-a")));
    c.put("kubernetes_analyze_issue", List.of(Map.of("issueType", "pod_crash", "resourceKind", "Pod", "resourceName", "web-1", "namespace", "shop")));
    c.put("kubernetes_get_rollout_status", List.of(Map.of("kind", "deploy", "name", "web", "namespace", "shop")));
    c.put("kubernetes_wait_for_resource", List.of(Map.of("kind", "secrets", "name", "db", "namespace", "shop", "condition", "exists")));
    c.put("helm_list_releases", List.of(Map.of("allNamespaces", true)));
    c.put("helm_get_release", List.of(Map.of("name", "shop", "namespace", "shop")));
    c.put("helm_get_release_status", List.of(Map.of("name", "shop", "namespace", "shop")));
    c.put("helm_get_release_values", List.of(Map.of("name", "shop", "namespace", "shop"), Map.of("name", "shop", "namespace", "shop", "all", true)));
    c.put("helm_get_release_manifest", List.of(Map.of("name", "shop", "namespace", "shop")));
    c.put("helm_get_release_history", List.of(Map.of("name", "shop", "namespace", "shop")));
    c.put("helm_find_broken_releases", List.of(Map.of()));
    c.put("openshift_list_projects", List.of(Map.of()));
    return c;
  }

  /** Every tool that changes the cluster, with arguments that succeed on the seeded fake, in an order that works. */
  public static Map<String, List<Map<String, Object>>> writeCalls() {
    Map<String, List<Map<String, Object>>> c = new LinkedHashMap<>();
    c.put("kubernetes_create_resource", List.of(Map.of("kind", "ConfigMap", "manifest",
        Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "created", "namespace", "shop"), "data", Map.of("a", "1")))));
    c.put("kubernetes_patch_resource", List.of(Map.of("kind", "deploy", "name", "web", "namespace", "shop", "patch", Map.of("metadata", Map.of("labels", Map.of("x", "y"))))));
    c.put("kubernetes_scale_resource", List.of(Map.of("kind", "deploy", "name", "web", "namespace", "shop", "replicas", 2)));
    c.put("kubernetes_restart_workload", List.of(Map.of("kind", "deploy", "name", "web", "namespace", "shop")));
    c.put("kubernetes_cordon_node", List.of(Map.of("name", "node-b")));
    c.put("kubernetes_uncordon_node", List.of(Map.of("name", "node-b")));
    c.put("kubernetes_drain_node", List.of(Map.of("name", "node-b", "timeoutSeconds", 10)));
    c.put("kubernetes_pod_exec", List.of(Map.of("podName", "web-1", "namespace", "shop", "command", List.of("ls", "/"))));
    c.put("kubernetes_delete_resource", List.of(Map.of("kind", "cm", "name", "created", "namespace", "shop")));
    return c;
  }
}
