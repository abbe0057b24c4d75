package it.io.cloudnativemcp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One real Liberty server running the packaged application, in its own user directory so that
 * several can run side by side. It is started with {@code bin/server run} as an operator would,
 * with its configuration in a {@code config.yaml} named by {@code MCP_CONFIG}.
 */
final class LibertyServer implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final int port;
  final Path work;
  final long readyMillis;
  private final Process process;
  private final String scheme;
  private final HttpClient http;

  private LibertyServer(int port, Path work, Process process, long readyMillis, String scheme, HttpClient http) {
    this.port = port;
    this.work = work;
    this.process = process;
    this.readyMillis = readyMillis;
    this.scheme = scheme;
    this.http = http;
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts a server and waits until {@code /health/ready} answers 200.
   *
   * @param configYaml the whole config.yaml; use {@code %PORT%} where the port goes
   * @param env extra environment variables (secrets referenced as ${VAR} in the file)
   */
  static LibertyServer start(String name, String configYaml, Map<String, String> env) throws Exception {
    return launch(name, configYaml, env, "http", HTTP);
  }

  /** A server that speaks TLS: readiness is polled over HTTPS trusting {@code caFile}. */
  static LibertyServer start(
      String name, String configYaml, Map<String, String> env, String scheme, Path caFile, TestCertificates.Issued... clientCert)
      throws Exception {
    java.security.cert.X509Certificate ca;
    try (var in = Files.newInputStream(caFile)) {
      ca = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .sslContext(TestCertificates.context(ca, clientCert.length == 0 ? null : clientCert[0], "TLS"))
            .build();
    return launch(name, configYaml, env, scheme, client);
  }

  private static LibertyServer launch(String name, String configYaml, Map<String, String> env, String scheme, HttpClient http)
      throws Exception {
    Path install = Path.of(System.getProperty("liberty.install.dir", "target/liberty/wlp")).toAbsolutePath();
    Path work = Path.of(System.getProperty("it.work.dir", "target/it")).toAbsolutePath().resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8));
    Path template = install.resolve("usr/servers/defaultServer");
    Path serverDir = work.resolve("usr/servers/defaultServer");
    Files.createDirectories(serverDir.resolve("apps"));
    for (String f : List.of("server.xml", "server.env", "jvm.options", "bootstrap.properties")) {
      if (Files.exists(template.resolve(f))) {
        Files.copy(template.resolve(f), serverDir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.copy(template.resolve("apps/cloud-native-mcp-server.war"), serverDir.resolve("apps/cloud-native-mcp-server.war"));
    Files.createDirectories(serverDir.resolve("lib"));
    Files.createSymbolicLink(serverDir.resolve("lib/global"), template.resolve("lib/global"));

    int port = freePort();
    Path config = work.resolve("config.yaml");
    Files.writeString(config, configYaml.replace("%PORT%", String.valueOf(port)), StandardCharsets.UTF_8);

    ProcessBuilder pb = new ProcessBuilder(install.resolve("bin/server").toString(), "run", "defaultServer");
    Map<String, String> environment = pb.environment();
    environment.put("WLP_USER_DIR", work.resolve("usr").toString());
    environment.put("WLP_OUTPUT_DIR", work.resolve("out").toString());
    environment.put("MCP_CONFIG", config.toString());
    environment.remove("KUBECONFIG");
    environment.putAll(env);
    pb.redirectErrorStream(true);
    pb.redirectOutput(work.resolve("console.log").toFile());
    long started = System.nanoTime();
    Process process = pb.start();
    LibertyServer server = new LibertyServer(port, work, process, 0, scheme, http);
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited during startup:\n" + server.consoleTail());
      }
      if (server.status("/health/ready") == 200) {
        return new LibertyServer(port, work, process, (System.nanoTime() - started) / 1_000_000, scheme, http);
      }
      Thread.sleep(200);
    }
    server.close();
    throw new IllegalStateException(
        "the server was not ready within 120 s (last readiness answer: " + server.lastProblem + "):\n" + server.consoleTail());
  }

  String baseUrl() {
    return scheme + "://127.0.0.1:" + port;
  }

  private volatile String lastProblem = "";

  int status(String path) {
    try {
      int code = http.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
      lastProblem = "HTTP " + code;
      return code;
    } catch (IOException e) {
      lastProblem = e.toString();
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create(baseUrl() + path);
  }

  String console() {
    try {
      return Files.readString(work.resolve("console.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no console log: " + e.getMessage() + ")";
    }
  }

  String messagesLog() {
    try {
      return Files.readString(work.resolve("out/defaultServer/logs/messages.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  String consoleTail() {
    String c = console();
    return c.length() > 6000 ? c.substring(c.length() - 6000) : c;
  }

  /** Resident memory of the server JVM in KiB, from /proc. */
  long rssKib() {
    return Stream.concat(Stream.of(process.toHandle()), process.descendants())
        .mapToLong(
            h -> {
              try {
                for (String line : Files.readAllLines(Path.of("/proc/" + h.pid() + "/status"))) {
                  if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                  }
                }
              } catch (IOException | NumberFormatException e) {
                return 0;
              }
              return 0;
            })
        .max()
        .orElse(0);
  }

  /** CPU time the server JVM has used, from /proc (user + system, in nanoseconds). */
  long cpuNanos() {
    long ticks = Stream.concat(Stream.of(process.toHandle()), process.descendants())
        .mapToLong(h -> {
          try {
            String stat = Files.readString(Path.of("/proc/" + h.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
          } catch (IOException | RuntimeException e) {
            return 0;
          }
        })
        .sum();
    return ticks * 10_000_000L; // USER_HZ is 100 on Linux
  }

  @Override
  public void close() {
    // SIGTERM: Liberty stops gracefully (the application flushes and closes its streams).
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Map<String, String> env(String... pairs) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
