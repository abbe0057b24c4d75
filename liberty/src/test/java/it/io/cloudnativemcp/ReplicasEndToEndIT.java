package it.io.cloudnativemcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas behind one PostgreSQL, as a Deployment with two pods runs them: a key revoked on
 * one is refused by the other within {@code auth.keyCacheSeconds}, the audit of both answers one
 * query, and Streamable HTTP sessions live on the replica that created them (hence session
 * affinity, documented). A third installation with its own database receives a backup of the
 * first and then accepts its keys: the backup round trip.
 */
class ReplicasEndToEndIT {
  static final String ADMIN_KEY = "Replica-Admin-Key-2026!";
  static final int KEY_CACHE_SECONDS = 2;

  static KubernetesFixture k8s;
  static Postgres shared;
  static Postgres restoreTarget;
  static LibertyServer r1;
  static LibertyServer r2;
  static LibertyServer r3;

  static String config(Postgres db, Path kubeconfig) {
    return """
        server:
          addr: "127.0.0.1:%PORT%"
        auth:
          apiKey: "${MCP_AUTH_API_KEY}"
          keyCacheSeconds: %d
        monitoring:
          block_duration: 0
        kubernetes:
          kubeconfig: "%s"
        """.replace("%PORT%", "%%PORT%%").formatted(KEY_CACHE_SECONDS, kubeconfig).replace("%%PORT%%", "%PORT%")
        + db.auditConfig();
  }

  @BeforeAll
  static void start() throws Exception {
    k8s = new KubernetesFixture().seedShop();
    shared = new Postgres();
    restoreTarget = new Postgres();
    Path kubeconfig = k8s.writeKubeconfig(Path.of(System.getProperty("it.work.dir", "target/it"), "replicas-kube"));
    Map<String, String> env = LibertyServer.env("MCP_AUTH_API_KEY", ADMIN_KEY, "MCP_TEST_DB_PASSWORD", Postgres.PASSWORD);
    r1 = LibertyServer.start("replica-1", config(shared, kubeconfig), env);
    r2 = LibertyServer.start("replica-2", config(shared, kubeconfig), env);
    r3 = LibertyServer.start("restored", config(restoreTarget, kubeconfig), env);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {r1, r2, r3, k8s, shared, restoreTarget}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void givenAKeyRevokedOnOneReplica_theOtherRefusesItWithinTheCacheTime() throws Exception {
    Http one = new Http(r1.baseUrl());
    Http two = new Http(r2.baseUrl());
    JsonNode created = Http.json(one.post("/api/keys", "{\"name\":\"roaming-bot\"}", "X-API-Key", ADMIN_KEY));
    String key = created.path("key").asText();
    assertThat(two.initialize("X-API-Key", key).statusCode()).as("the key works on the other replica").isEqualTo(200);

    long revokedAt = System.currentTimeMillis();
    assertThat(one.delete("/api/keys/" + created.path("id").asText(), "X-API-Key", ADMIN_KEY).statusCode()).isEqualTo(204);
    long refusedAfter = -1;
    while (System.currentTimeMillis() - revokedAt < 10_000) {
      if (two.initialize("X-API-Key", key).statusCode() == 401) {
        refusedAfter = System.currentTimeMillis() - revokedAt;
        break;
      }
      Thread.sleep(100);
    }
    System.out.printf("[replicas] revoked on replica 1, refused by replica 2 after %d ms (auth.keyCacheSeconds %d)%n", refusedAfter, KEY_CACHE_SECONDS);
    assertThat(refusedAfter).isBetween(0L, KEY_CACHE_SECONDS * 1000L + 1000L);
  }

  @Test
  void givenCallsOnBothReplicas_oneAuditQuery_returnsThemAll() throws Exception {
    for (LibertyServer r : new LibertyServer[] {r1, r2}) {
      RawMcpSession session = new RawMcpSession(r.baseUrl() + "/mcp", "X-API-Key", ADMIN_KEY);
      session.initialize();
      session.callTool("kubernetes_get_resource", Map.of("kind", "pods", "name", "from-" + r.port, "namespace", "shop"));
    }

    JsonNode page = Http.json(new Http(r1.baseUrl()).get("/api/audit/logs?tool=kubernetes_get_resource&limit=100", "X-API-Key", ADMIN_KEY));

    assertThat(StreamSupport.stream(page.path("items").spliterator(), false).map(i -> i.path("arguments").path("name").asText()))
        .contains("from-" + r1.port, "from-" + r2.port);
  }

  @Test
  void givenASessionOfOneReplica_theOtherReplica_doesNotKnowIt() throws Exception {
    HttpResponse<String> init = new Http(r1.baseUrl()).initialize("X-API-Key", ADMIN_KEY);
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();

    HttpResponse<String> elsewhere =
        new Http(r2.baseUrl()).post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            "X-API-Key", ADMIN_KEY, "Mcp-Session-Id", session, "Accept", "application/json, text/event-stream");

    // Sessions live in the replica's memory: behind a load balancer, use session affinity
    // (the Service's sessionAffinity: ClientIP in deploy/) as docs/deployment.md says.
    assertThat(elsewhere.statusCode()).isEqualTo(404);
  }

  @Test
  void givenABackupOfReplicaOne_restoreIntoAnotherInstallation_bringsItsKeysAndAuditAcross() throws Exception {
    Http source = new Http(r1.baseUrl());
    Http target = new Http(r3.baseUrl());
    JsonNode created = Http.json(source.post("/api/keys", "{\"name\":\"migrating-bot\",\"groups\":[\"ci\"]}", "X-API-Key", ADMIN_KEY));
    String key = created.path("key").asText();
    source.initialize("X-API-Key", "Not-The-Key-At-All-123!"); // an audit record to carry over
    assertThat(target.initialize("X-API-Key", key).statusCode()).as("unknown before the restore").isEqualTo(401);

    HttpResponse<String> backup = source.get("/api/backup", "X-API-Key", ADMIN_KEY);
    assertThat(backup.statusCode()).isEqualTo(200);
    assertThat(backup.body()).startsWith("{\"type\":\"header\"").contains("\"type\":\"apiKey\"").contains("\"type\":\"policy\"")
        .contains("\"type\":\"audit\"").doesNotContain(key);

    HttpResponse<String> restored =
        target.post("/api/backup/restore", backup.body(), "X-API-Key", ADMIN_KEY, "Content-Type", "application/x-ndjson");
    assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    JsonNode report = Http.json(restored);
    System.out.println("[backup] restore report: " + report);
    assertThat(report.path("apiKeys").asInt()).isPositive();
    assertThat(report.path("apiKeysSkipped").asInt()).as("the shared admin key is already there").isEqualTo(1);
    assertThat(report.path("auditRecords").asInt()).isPositive();
    assertThat(report.path("policiesMatch").asBoolean()).isTrue();

    assertThat(target.initialize("X-API-Key", key).statusCode()).as("the key works after the restore").isEqualTo(200);
    JsonNode failed = Http.json(target.get("/api/audit/logs?status=failed&limit=1000", "X-API-Key", ADMIN_KEY));
    assertThat(failed.path("items").size()).isPositive();
    HttpResponse<String> again =
        target.post("/api/backup/restore", backup.body(), "X-API-Key", ADMIN_KEY, "Content-Type", "application/x-ndjson");
    assertThat(Http.json(again).path("auditRecords").asInt()).as("a second restore adds nothing").isZero();
    assertThat(target.post("/api/backup/restore", "{\"type\":\"nonsense\"}", "X-API-Key", ADMIN_KEY, "Content-Type", "application/x-ndjson")
        .statusCode()).isEqualTo(400);
  }

  @Test
  void givenABackupWithABadLineAtTheEnd_restore_isRefusedNamingTheLineAndRestoresNothing() throws Exception {
    Http source = new Http(r1.baseUrl());
    Http target = new Http(r3.baseUrl());
    source.initialize("X-API-Key", "Another-Wrong-Key-456!"); // at least one audit record in the backup
    String key = Http.json(source.post("/api/keys", "{\"name\":\"never-restored\"}", "X-API-Key", ADMIN_KEY)).path("key").asText();
    String backup = source.get("/api/backup", "X-API-Key", ADMIN_KEY).body();
    long lines = backup.lines().count();
    JsonNode before = Http.json(target.get("/api/audit/stats", "X-API-Key", ADMIN_KEY));

    HttpResponse<String> broken =
        target.post("/api/backup/restore", backup + "{\"type\":\"audit\",\"timestamp\":\"not a time\"}\n",
            "X-API-Key", ADMIN_KEY, "Content-Type", "application/x-ndjson");
    HttpResponse<String> tooLong =
        target.post("/api/backup/restore", backup + "{\"type\":\"audit\",\"error\":\"" + "x".repeat(1_100_000) + "\"}\n",
            "X-API-Key", ADMIN_KEY, "Content-Type", "application/x-ndjson");

    assertThat(broken.statusCode()).as(broken.body()).isEqualTo(400);
    assertThat(broken.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(broken.body()).contains("Line " + (lines + 1) + " of the backup").doesNotContain("Exception:");
    assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
    assertThat(tooLong.body()).contains("Line " + (lines + 1) + " of the backup").contains("longer than 1048576 characters");
    // Nothing of either file was restored: the key in it is unknown there, and no failed record arrived.
    assertThat(target.initialize("X-API-Key", key).statusCode()).isEqualTo(401);
    JsonNode after = Http.json(target.get("/api/audit/stats", "X-API-Key", ADMIN_KEY));
    assertThat(after.path("byOutcome").path("failed").asLong())
        .as("failed records: the 401 just now is the only new one")
        .isLessThanOrEqualTo(before.path("byOutcome").path("failed").asLong() + 1);
  }
}
