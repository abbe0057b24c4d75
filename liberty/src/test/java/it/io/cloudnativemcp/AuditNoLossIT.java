package it.io.cloudnativemcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost: concurrent clients call tools while PostgreSQL is stopped and started again;
 * afterwards the audit table holds exactly one row per call the clients saw answered. Calls the
 * server refused because it could not audit them (buffer full) are not answered, so not counted.
 */
class AuditNoLossIT {
  static final String KEY = "NoLoss-Admin-Key-2026!";
  static final int CLIENTS = 8;

  static KubernetesFixture k8s;
  static Postgres db;
  static LibertyServer server;

  @BeforeAll
  static void start() throws Exception {
    k8s = new KubernetesFixture().seedShop();
    db = new Postgres();
    Path kubeconfig = k8s.writeKubeconfig(Path.of(System.getProperty("it.work.dir", "target/it"), "noloss-kube"));
    String config =
        """
        server:
          addr: "127.0.0.1:%PORT%"
        auth:
          apiKey: "${MCP_AUTH_API_KEY}"
        ratelimit:
          enabled: false
        monitoring:
          anomaly_detection:
            enabled: false
        """
            + db.auditConfig()
            + """
              bufferSize: 20000
              failClosed: true
            kubernetes:
              kubeconfig: "%s"
            """.formatted(kubeconfig);
    server = LibertyServer.start("noloss", config, LibertyServer.env("MCP_AUTH_API_KEY", KEY, "MCP_TEST_DB_PASSWORD", Postgres.PASSWORD));
  }

  @AfterAll
  static void stop() throws Exception {
    if (!PostgresControl.accepting()) {
      PostgresControl.start();
    }
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

  @Test
  void givenPostgresStopsAndStartsDuringLoad_everyAnsweredCall_hasExactlyOneAuditRow() throws Exception {
    long rowsBefore = db.count("event_type = 'TOOL_CALL'");
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(pool.submit(() -> {
        RawMcpSession session = new RawMcpSession(server.baseUrl() + "/mcp", "X-API-Key", KEY);
        session.initialize();
        int calls = 0;
        while (running.get() && calls < 5000) {
          JsonNode answer = session.callTool("kubernetes_list_resources_summary", Map.of("kind", "pods", "namespace", "shop"));
          calls++;
          if (answer == null || answer.has("error") || text(answer).contains("audit trail cannot accept")) {
            refused.incrementAndGet();
          } else {
            answered.incrementAndGet();
          }
        }
        return null;
      }));
    }
    try {
      Thread.sleep(3000);
      PostgresControl.stop();
      System.out.println("[no-loss] PostgreSQL stopped after " + answered.get() + " answered calls");
      Thread.sleep(5000);
      PostgresControl.start();
      System.out.println("[no-loss] PostgreSQL started again");
      Thread.sleep(3000);
    } finally {
      running.set(false);
      if (!PostgresControl.accepting()) {
        PostgresControl.start();
      }
    }
    for (Future<?> f : clients) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    // The buffer drains once the store is back; give it time, bounded.
    long expected = rowsBefore + answered.get();
    long deadline = System.currentTimeMillis() + 60_000;
    long rows = db.count("event_type = 'TOOL_CALL'");
    while (rows < expected && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
      rows = db.count("event_type = 'TOOL_CALL'");
    }
    System.out.printf("[no-loss] %d calls answered, %d refused while the audit could not keep them; %d audit rows written%n",
        answered.get(), refused.get(), rows - rowsBefore);
    assertThat(answered.get()).isGreaterThan(100);
    assertThat(rows).isEqualTo(expected);
    assertThat(server.status("/health/ready")).isEqualTo(200);
  }

  private static String text(JsonNode answer) {
    JsonNode content = answer.path("result").path("content");
    return content.isArray() && content.size() > 0 ? content.get(0).path("text").asText() : "";
  }
}
