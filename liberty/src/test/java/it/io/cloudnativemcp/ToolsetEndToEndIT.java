package it.io.cloudnativemcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The toolset through the real server: the packaged application on Liberty, the fabric8 mock API,
 * audit to PostgreSQL, and the official TypeScript SDK client (which validates structured content
 * against each tool's output schema). A read, a guarded write (denied to a reader, confirmed by the
 * user for the administrator, declined), a paginated list, progress of a wait, and the size of a
 * 70-pod summary.
 */
class ToolsetEndToEndIT {
  static final String ADMIN_KEY = "Tools3t-Admin-Key!2026";
  static final ObjectMapper JSON = new ObjectMapper();

  static KubernetesFixture k8s;
  static Postgres db;
  static LibertyServer server;
  static String readerKey;

  @BeforeAll
  static void start() throws Exception {
    k8s = new KubernetesFixture().seedShop();
    String created = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    for (int i = 0; i < 70; i++) {
      k8s.client.pods().inNamespace("load").resource(new PodBuilder()
          .withNewMetadata().withName("api-7f9c6d5b4-" + String.format("%05d", i)).withNamespace("load").addToLabels("app", "api")
            .withCreationTimestamp(created).endMetadata()
          .withNewSpec().withNodeName("worker-" + (i % 3 + 1)).addNewContainer().withName("api").withImage("api:3.4.1").endContainer().endSpec()
          .withNewStatus().withPhase("Running").addNewContainerStatus().withName("api").withReady(true).withRestartCount(i % 4)
            .withNewState().withNewRunning().endRunning().endState().endContainerStatus().endStatus()
          .build()).create();
    }
    // CRUD mode ignores limit/continue: expectations serve two real pages.
    k8s.server.expect().get().withPath("/api/v1/namespaces/paged/pods?limit=2&watch=false")
        .andReturn(200, Map.of("apiVersion", "v1", "kind", "PodList", "metadata", Map.of("continue", "page-2-token", "remainingItemCount", 1),
            "items", List.of(pod("paged-a"), pod("paged-b")))).always();
    k8s.server.expect().get().withPath("/api/v1/namespaces/paged/pods?continue=page-2-token&limit=2&watch=false")
        .andReturn(200, Map.of("apiVersion", "v1", "kind", "PodList", "metadata", Map.of(), "items", List.of(pod("paged-c")))).always();
    db = new Postgres();
    Path kubeconfig = k8s.writeKubeconfig(Path.of(System.getProperty("it.work.dir", "target/it"), "toolset-kube"));
    String config =
        """
        server:
          addr: "127.0.0.1:%PORT%"
        auth:
          enabled: true
          mode: "apikey"
          apiKey: "${MCP_AUTH_API_KEY}"
        """
            + db.auditConfig()
            + """
            kubernetes:
              kubeconfig: "%s"
              confirmationFallback: deny
            monitoring:
              block_duration: 0
            """.formatted(kubeconfig);
    server = LibertyServer.start("toolset", config, LibertyServer.env("MCP_AUTH_API_KEY", ADMIN_KEY, "MCP_TEST_DB_PASSWORD", Postgres.PASSWORD));
    HttpResponse<String> key =
        server.send(HttpRequest.newBuilder(server.uri("/api/keys")).header("X-API-Key", ADMIN_KEY).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"toolset-reader\",\"expiresInDays\":1}")));
    assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
    readerKey = JSON.readTree(key.body()).path("key").asText();
  }

  private static Map<String, Object> pod(String name) {
    return Map.of("apiVersion", "v1", "kind", "Pod", "metadata", Map.of("name", name, "namespace", "paged"),
        "status", Map.of("phase", "Running"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (k8s != null) {
      k8s.close();
    }
    if (db != null) {
      db.close();
    }
  }

  /** A plan for toolset-client.mjs. */
  static final class Plan {
    final ObjectNode plan = JSON.createObjectNode();
    final ArrayNode steps = plan.putArray("steps");

    Plan(String key, String elicitation) {
      plan.put("url", server.baseUrl() + "/mcp");
      plan.putObject("headers").put("X-API-Key", key);
      if (elicitation != null) {
        plan.put("elicitation", elicitation);
      }
    }

    Plan listTools() {
      steps.addObject().put("op", "listTools");
      return this;
    }

    Plan call(String name, Map<String, ?> arguments) {
      return call(name, arguments, false);
    }

    Plan call(String name, Map<String, ?> arguments, boolean progress) {
      ObjectNode step = steps.addObject().put("op", "callTool").put("name", name).put("progress", progress);
      step.set("arguments", JSON.valueToTree(arguments));
      return this;
    }

    Plan callGivingUpAfter(String name, Map<String, ?> arguments, int timeoutMs) {
      call(name, arguments, true);
      ((ObjectNode) steps.get(steps.size() - 1)).put("timeoutMs", timeoutMs);
      return this;
    }

    JsonNode run() throws Exception {
      Path dir = Path.of(System.getProperty("node.clients.dir", "src/test/node")).toAbsolutePath();
      ProcessBuilder pb = new ProcessBuilder("node", "toolset-client.mjs", JSON.writeValueAsString(plan)).directory(dir.toFile());
      pb.redirectError(ProcessBuilder.Redirect.INHERIT);
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("the TypeScript client did not finish within 180 s");
      }
      JsonNode report = JSON.readTree(new String(out, StandardCharsets.UTF_8));
      assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
      return report;
    }
  }

  static JsonNode result(JsonNode report, int step) {
    JsonNode entry = report.path("results").get(step);
    assertThat(entry.has("error")).as("step %d failed in the client: %s", step, entry.path("error").asText()).isFalse();
    return entry.path("result");
  }

  static String text(JsonNode result) {
    return result.path("content").get(0).path("text").asText();
  }

  static List<String> names(JsonNode listTools) {
    return StreamSupport.stream(listTools.path("tools").spliterator(), false).map(t -> t.path("name").asText()).toList();
  }

  @Test
  void givenTheAdministratorAndAReader_toolsList_showsEachWhatTheyMayUse() throws Exception {
    List<String> admin = names(result(new Plan(ADMIN_KEY, null).listTools().run(), 0));
    List<String> reader = names(result(new Plan(readerKey, null).listTools().run(), 0));

    assertThat(admin).hasSize(40).contains("kubernetes_pod_exec", "kubernetes_drain_node", "helm_list_releases", "openshift_list_projects");
    assertThat(reader).contains("kubernetes_get_resource", "helm_get_release").doesNotContain("kubernetes_pod_exec", "kubernetes_scale_resource");
    assertThat(reader).hasSize(31);
    System.out.printf("[toolset] tools/list: %d tools for the administrator, %d for a reader%n", admin.size(), reader.size());
  }

  @Test
  void givenAReadAndAPaginatedList_theTypeScriptClient_getsTextAndValidStructuredContent() throws Exception {
    JsonNode report =
        new Plan(readerKey, null)
            .call("kubernetes_get_resource_summary", Map.of("kind", "po", "name", "cart-5f6d7c8b9-xyz12", "namespace", "shop"))
            .call("kubernetes_list_resources_summary", Map.of("kind", "pods", "namespace", "paged", "limit", 2))
            .call("kubernetes_list_resources_summary", Map.of("kind", "pods", "namespace", "paged", "limit", 2, "continueToken", "page-2-token"))
            .call("kubernetes_get_resource", Map.of("kind", "pods", "name", "web-7d4b9c8f6d-abcde", "namespace", "shop"))
            .run();

    JsonNode summary = result(report, 0);
    assertThat(summary.path("isError").asBoolean()).isFalse();
    assertThat(text(summary)).contains("Pod shop/cart-5f6d7c8b9-xyz12", "status: CrashLoopBackOff", "restarts: 7", "problem: CrashLoopBackOff");
    assertThat(summary.path("structuredContent").path("restarts").asInt()).isEqualTo(7);

    JsonNode first = result(report, 1);
    assertThat(text(first)).contains("paged-a", "paged-b", "count: 2, hasMore: true, remaining: 1", "continueToken: page-2-token");
    assertThat(first.path("structuredContent").path("continueToken").asText()).isEqualTo("page-2-token");
    JsonNode second = result(report, 2);
    assertThat(text(second)).contains("paged-c", "count: 1, hasMore: false").doesNotContain("paged-a");

    assertThat(text(result(report, 3))).contains("DB_PASSWORD", "***REDACTED***").doesNotContain("hunter2-never-shown");
  }

  @Test
  void givenAGuardedWrite_aReaderIsDenied_theAdministratorConfirmsAndItRuns() throws Exception {
    JsonNode denied = new Plan(readerKey, "accept")
        .call("kubernetes_scale_resource", Map.of("kind", "deploy", "name", "web", "namespace", "shop", "replicas", 3)).run();
    JsonNode scaled = new Plan(ADMIN_KEY, "accept")
        .call("kubernetes_scale_resource", Map.of("kind", "deploy", "name", "web", "namespace", "shop", "replicas", 3))
        .call("kubernetes_delete_resource", Map.of("kind", "deploy", "name", "web", "namespace", "shop"))
        .run();

    assertThat(result(denied, 0).path("isError").asBoolean()).isTrue();
    assertThat(text(result(denied, 0))).contains("Access denied", "toolset-reader", "kubernetes_scale_resource");
    assertThat(text(result(scaled, 0))).isEqualTo("Scaled Deployment shop/web from 2 to 3 replicas.\n");
    assertThat(k8s.client.apps().deployments().inNamespace("shop").withName("web").get()).as("deleted after the user confirmed").isNull();
    assertThat(scaled.path("elicitations")).hasSize(1);
    assertThat(scaled.path("elicitations").get(0).asText()).isEqualTo("Delete deploy shop/web? This cannot be undone.");
    assertThat(db.count("action = 'kubernetes_scale_resource' and principal = 'admin' and outcome = 'SUCCESS'")).isGreaterThanOrEqualTo(1);
    assertThat(db.count("action = 'kubernetes_scale_resource' and principal = 'toolset-reader' and outcome = 'DENIED'")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void givenADestructiveCall_aDecliningUserOrAClientThatCannotAsk_stopsIt() throws Exception {
    k8s.client.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata().withName("keep-me").withNamespace("shop").endMetadata()
        .addToData("a", "1").build()).create();

    JsonNode declined = new Plan(ADMIN_KEY, "decline").call("kubernetes_delete_resource", Map.of("kind", "cm", "name", "keep-me", "namespace", "shop")).run();
    JsonNode cannotAsk = new Plan(ADMIN_KEY, null).call("kubernetes_delete_resource", Map.of("kind", "cm", "name", "keep-me", "namespace", "shop")).run();

    assertThat(text(result(declined, 0))).contains("The user declined");
    assertThat(text(result(cannotAsk, 0))).contains("kubernetes.confirmationFallback: deny");
    assertThat(k8s.client.configMaps().inNamespace("shop").withName("keep-me").get()).isNotNull();
    assertThat(db.count("action = 'kubernetes_delete_resource' and outcome = 'DENIED'")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void givenAWaitWithAProgressToken_theClient_receivesProgressUntilItEnds() throws Exception {
    k8s.client.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata().withName("doomed").withNamespace("shop").endMetadata()
        .build()).create();
    Thread deleter = new Thread(() -> {
      try {
        Thread.sleep(7000); // after the client has connected and the wait has looked a few times
        k8s.client.configMaps().inNamespace("shop").withName("doomed").delete();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    deleter.start();

    JsonNode report = new Plan(readerKey, null).call("kubernetes_wait_for_resource",
        Map.of("kind", "cm", "name", "doomed", "namespace", "shop", "condition", "deleted", "timeoutSeconds", 30, "pollIntervalSeconds", 1), true).run();
    deleter.join();

    JsonNode wait = result(report, 0);
    assertThat(wait.path("structuredContent").path("satisfied").asBoolean()).as(wait.toString()).isTrue();
    JsonNode progress = report.path("results").get(0).path("progress");
    assertThat(progress.size()).isGreaterThanOrEqualTo(2);
    assertThat(progress.get(0).path("message").asText()).contains("waiting for ConfigMap doomed to be deleted");
    assertThat(progress.get(0).path("total").asDouble()).isEqualTo(30.0);
  }

  @Test
  void givenAClientThatGivesUp_theWait_stopsLongBeforeItsTimeout() throws Exception {
    k8s.client.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata().withName("forever").withNamespace("shop").endMetadata()
        .build()).create();

    JsonNode report = new Plan(readerKey, null).callGivingUpAfter("kubernetes_wait_for_resource",
        Map.of("kind", "cm", "name", "forever", "namespace", "shop", "condition", "deleted", "timeoutSeconds", 90, "pollIntervalSeconds", 1), 3000).run();

    assertThat(report.path("results").get(0).path("error").asText()).containsIgnoringCase("timed out");
    // The server notices the closed stream at its next progress notification and stops waiting.
    long deadline = System.currentTimeMillis() + 60_000;
    List<Map<String, Object>> rows = List.of();
    while (System.currentTimeMillis() < deadline && rows.isEmpty()) {
      rows = db.query("select outcome, duration_ms from audit_event where action = 'kubernetes_wait_for_resource' and arguments like '%forever%'");
      Thread.sleep(500);
    }
    assertThat(rows).as("the wait ended and was audited").hasSize(1);
    assertThat(((Number) rows.get(0).get("duration_ms")).longValue()).as("stopped long before the 90 s timeout").isLessThan(30_000);
    System.out.printf("[toolset] cancelled wait stopped after %d ms%n", ((Number) rows.get(0).get("duration_ms")).longValue());
  }

  @Test
  void givenSeventyPods_theSummaryListing_staysCompact() throws Exception {
    JsonNode report = new Plan(readerKey, null).call("kubernetes_list_resources_summary", Map.of("kind", "pods", "namespace", "load")).run();

    JsonNode list = result(report, 0);
    String text = text(list);
    int textBytes = text.getBytes(StandardCharsets.UTF_8).length;
    int structuredBytes = JSON.writeValueAsBytes(list.path("structuredContent")).length;
    System.out.printf("[toolset] 70-pod summary: %d bytes (text; structured content %d bytes; %d bytes together)%n",
        textBytes, structuredBytes, textBytes + structuredBytes);
    assertThat(list.path("structuredContent").path("count").asInt()).isEqualTo(70);
    assertThat(text).contains("count: 70, hasMore: false", "api-7f9c6d5b4-00069", "worker-3");
    assertThat(textBytes).isLessThan(10 * 1024);
  }
}
