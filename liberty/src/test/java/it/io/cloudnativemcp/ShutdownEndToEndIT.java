package it.io.cloudnativemcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Idle streams do not hold shutdown: with a Streamable HTTP GET stream and a legacy SSE stream
 * open, SIGTERM stops the server well before Liberty's 30 s quiesce period runs out, the streams
 * end, and what was called before is in the audit trail.
 */
class ShutdownEndToEndIT {
  static final String KEY = "Shutdown-Admin-Key-2026!";
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void givenOpenStreams_sigterm_stopsTheServerWithoutWaitingForThem() throws Exception {
    try (Postgres db = new Postgres()) {
      String config =
          """
          server:
            addr: "127.0.0.1:%PORT%"
          auth:
            apiKey: "${MCP_AUTH_API_KEY}"
          """
              + db.auditConfig();
      LibertyServer server = LibertyServer.start("shutdown", config, LibertyServer.env("MCP_AUTH_API_KEY", KEY, "MCP_TEST_DB_PASSWORD", Postgres.PASSWORD));
      try {
        RawMcpSession session = new RawMcpSession(server.baseUrl() + "/mcp", "X-API-Key", KEY);
        session.initialize();
        session.callTool("kubernetes_get_api_versions", java.util.Map.of());
        HttpResponse<InputStream> getStream =
            open(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mcp")).header("Mcp-Session-Id", session.sessionId()));
        HttpResponse<InputStream> sseStream = open(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/sse")));
        assertThat(getStream.statusCode()).isEqualTo(200);
        assertThat(sseStream.statusCode()).isEqualTo(200);
        CompletableFuture<Void> getEnded = drain(getStream.body());
        CompletableFuture<Void> sseEnded = drain(sseStream.body());

        long started = System.nanoTime();
        server.close();
        long stopMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("[shutdown] stopped " + stopMillis + " ms after SIGTERM with two idle streams open");

        String log = server.messagesLog();
        assertThat(log).contains("CWWKE1101I"); // server quiesce complete
        assertThat(log).doesNotContain("CWWKE1102W"); // quiesce ended with work still active
        assertThat(db.count("event_type = 'TOOL_CALL'")).as("the call made before the stop is audited").isEqualTo(1);
        assertThat(stopMillis).as("stop time, against Liberty's 30 s quiesce period").isLessThan(20_000);
        getEnded.get(10, TimeUnit.SECONDS);
        sseEnded.get(10, TimeUnit.SECONDS);
      } finally {
        server.close();
      }
    }
  }

  private static HttpResponse<InputStream> open(HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request.header("X-API-Key", KEY).header("Accept", "text/event-stream").GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  /** Reads a stream to its end in the background; the future completes when the server ends it. */
  private static CompletableFuture<Void> drain(InputStream in) {
    return CompletableFuture.runAsync(
        () -> {
          try (in) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
          } catch (java.io.IOException e) {
            // A reset connection also ends the stream.
          }
        });
  }
}
