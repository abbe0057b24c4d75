package it.io.cloudnativemcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The benchmark behind bench/run.sh (skipped in the normal test run). It starts the server with
 * every security feature on (auth, audit to PostgreSQL, rate limits above the offered load)
 * against a mock Kubernetes API holding 200 pods, drives it with concurrent MCP clients for a
 * bounded time, and prints the figures docs/performance.md records.
 */
class BenchmarkIT {
  static final String KEY = "Bench-Admin-Key-2026!";
  /**
   * The mock API logs every request at INFO; at hundreds of calls per second that costs the test
   * JVM, which shares the cores with the server, a noticeable share. Held here so it stays set.
   */
  static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");

  static {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  @Test
  void benchmark() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("bench.enabled"), "run with -Dbench.enabled=true (bench/run.sh)");
    int seconds = Integer.getInteger("bench.seconds", 20);
    List<Integer> concurrencies = new ArrayList<>();
    for (String c : System.getProperty("bench.concurrency", "1,16").split(",")) {
      concurrencies.add(Integer.parseInt(c.trim()));
    }
    StringBuilder report = new StringBuilder();
    try (KubernetesFixture k8s = new KubernetesFixture(); Postgres db = new Postgres()) {
      seed(k8s);
      Path kubeconfig = k8s.writeKubeconfig(Path.of(System.getProperty("it.work.dir", "target/it"), "bench-kube"));
      String config =
          """
          server:
            addr: "127.0.0.1:%PORT%"
          auth:
            apiKey: "${MCP_AUTH_API_KEY}"
          ratelimit:
            enabled: true
            requests_per_second: 100000
            burst: 100000
          kubernetes:
            kubeconfig: "%s"
          """.replace("%PORT%", "%%PORT%%").formatted(kubeconfig).replace("%%PORT%%", "%PORT%")
              + db.auditConfig();
      long launched = System.nanoTime();
      try (LibertyServer server =
          LibertyServer.start("bench", config, LibertyServer.env("MCP_AUTH_API_KEY", KEY, "MCP_TEST_DB_PASSWORD", Postgres.PASSWORD))) {
        report.append(String.format("ready after launch           %6d ms%n", server.readyMillis));
        report.append(String.format("RSS idle                     %6d MiB%n", server.rssKib() / 1024));
        Map<String, Object> listing = Map.of("kind", "pods", "namespace", "team-a");

        RawMcpSession probe = new RawMcpSession(server.baseUrl() + "/mcp", "X-API-Key", KEY);
        probe.initialize();
        JsonNode answer = probe.callTool("kubernetes_list_resources_summary", listing);
        String text = answer.path("result").path("content").get(0).path("text").asText();
        report.append(String.format("70-pod summary               %6d characters, %d bytes%n", text.length(), text.getBytes(StandardCharsets.UTF_8).length));

        // The mock API alone, so the server's share is visible.
        report.append(mockAlone(k8s, seconds));

        // Warm-up, not counted: the JIT compiles the hot path, pools fill. A server in service is warm.
        int warmup = Integer.getInteger("bench.warmupSeconds", 15);
        if (warmup > 0) {
          Run w = drive(server, 4, warmup, listing);
          report.append(String.format("warm-up (not counted)        %6d calls in %d s at concurrency 4%n", w.calls, warmup));
        }

        long rowsBefore = db.count("event_type = 'TOOL_CALL'");
        long cpuBefore = cpuNanos(server);
        long callsTotal = 0;
        long elapsedTotal = 0;
        long peakRss = 0;
        for (int c : concurrencies) {
          Run run = drive(server, c, seconds, listing);
          callsTotal += run.calls;
          elapsedTotal += run.nanos;
          peakRss = Math.max(peakRss, run.peakRssKib);
          report.append(String.format("concurrency %2d: %7.1f calls/s   p50 %6.2f ms   p95 %6.2f ms   p99 %6.2f ms   (%d calls, %d errors)%n",
              c, run.calls / (run.nanos / 1e9), run.percentile(50), run.percentile(95), run.percentile(99), run.calls, run.errors));
        }
        long cpu = cpuNanos(server) - cpuBefore;
        report.append(String.format("server CPU per call          %6.2f ms%n", cpu / 1e6 / callsTotal));
        report.append(String.format("RSS under load (peak)        %6d MiB%n", peakRss / 1024));
        long deadline = System.currentTimeMillis() + 60_000;
        long rows = db.count("event_type = 'TOOL_CALL'");
        while (rows - rowsBefore < callsTotal && System.currentTimeMillis() < deadline) {
          Thread.sleep(200);
          rows = db.count("event_type = 'TOOL_CALL'");
        }
        report.append(String.format("audit rows written           %6d (%.0f rows/s during the runs)%n", rows - rowsBefore, (rows - rowsBefore) / (elapsedTotal / 1e9)));
      }
    }
    System.out.println("\n[bench] results\n" + report);
    Path out = Path.of(System.getProperty("bench.output", "target/bench-results.txt"));
    Files.writeString(out, report.toString());
  }

  static void seed(KubernetesFixture k8s) {
    String created = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    String[] namespaces = {"team-a", "team-b", "team-c"};
    int[] counts = {70, 70, 60};
    for (int n = 0; n < namespaces.length; n++) {
      for (int i = 0; i < counts[n]; i++) {
        String name = "web-" + Integer.toHexString(0x5f6d7c8b + i) + "-" + String.format("%05d", i);
        k8s.client.pods().inNamespace(namespaces[n]).resource(new PodBuilder()
            .withNewMetadata().withName(name).withNamespace(namespaces[n]).addToLabels("app", "web").withCreationTimestamp(created).endMetadata()
            .withNewSpec().withNodeName("worker-" + (i % 5)).addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec()
            .withNewStatus().withPhase("Running").addNewContainerStatus().withName("web").withReady(true).withRestartCount(i % 3)
              .withNewState().withNewRunning().endRunning().endState().endContainerStatus().endStatus()
            .build()).create();
      }
    }
  }

  record Run(long calls, long errors, long nanos, long peakRssKib, List<Long> latencies) {
    double percentile(int p) {
      if (latencies.isEmpty()) {
        return 0;
      }
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
  }

  static Run drive(LibertyServer server, int clients, int seconds, Map<String, Object> args) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<List<Long>>> futures = new ArrayList<>();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    long[] errors = new long[clients];
    for (int c = 0; c < clients; c++) {
      int idx = c;
      futures.add(pool.submit(() -> {
        RawMcpSession s = new RawMcpSession(server.baseUrl() + "/mcp", "X-API-Key", KEY);
        s.initialize();
        List<Long> lat = new ArrayList<>();
        // Bounded in time and count.
        while (System.nanoTime() < end && lat.size() < 200_000) {
          long t0 = System.nanoTime();
          JsonNode r = s.callTool("kubernetes_list_resources_summary", args);
          lat.add(System.nanoTime() - t0);
          if (r == null || r.path("result").path("isError").asBoolean()) {
            errors[idx]++;
          }
        }
        return lat;
      }));
    }
    long peak = 0;
    while (System.nanoTime() < end) {
      peak = Math.max(peak, server.rssKib());
      Thread.sleep(500);
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : futures) {
      all.addAll(f.get(120, TimeUnit.SECONDS));
    }
    long nanos = System.nanoTime() - start;
    pool.shutdown();
    long err = 0;
    for (long e : errors) {
      err += e;
    }
    return new Run(all.size(), err, nanos, peak, all);
  }

  static String mockAlone(KubernetesFixture k8s, int seconds) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    java.net.URI uri = java.net.URI.create(k8s.url() + "/api/v1/namespaces/team-a/pods?limit=100");
    long end = System.nanoTime() + Math.min(seconds, 5) * 1_000_000_000L;
    List<Long> lat = new ArrayList<>();
    long start = System.nanoTime();
    while (System.nanoTime() < end && lat.size() < 100_000) {
      long t0 = System.nanoTime();
      http.send(java.net.http.HttpRequest.newBuilder(uri).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      lat.add(System.nanoTime() - t0);
    }
    Run r = new Run(lat.size(), 0, System.nanoTime() - start, 0, lat);
    return String.format("mock API alone, 1 client:    %7.1f lists/s  p50 %6.2f ms  p95 %6.2f ms%n", r.calls / (r.nanos / 1e9), r.percentile(50), r.percentile(95));
  }

  static long cpuNanos(LibertyServer server) {
    return server.cpuNanos();
  }

  static {
    ManagementFactory.getRuntimeMXBean();
  }
}
