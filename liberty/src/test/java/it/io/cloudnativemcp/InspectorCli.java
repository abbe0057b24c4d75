package it.io.cloudnativemcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the MCP Inspector's command-line client ({@code @modelcontextprotocol/inspector-cli}, pinned
 * in src/test/node/package.json) through its published entry point, {@code mcp-inspector-cli --cli
 * <url> ...}, with node from the PATH. Every run is bounded and killed, with its children, on
 * timeout.
 */
final class InspectorCli {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** What one run printed; the key it was given is masked in {@link #toString()}. */
  record Run(int exitCode, String stdout, String stderr, String secret) {
    JsonNode json() {
      try {
        return JSON.readTree(stdout);
      } catch (IOException e) {
        throw new AssertionError("the inspector printed no JSON: " + this);
      }
    }

    @Override
    public String toString() {
      String text = "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
      return secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
    }
  }

  private final Path packageDir;
  private final List<String> options = new ArrayList<>();
  private String secret;

  /**
   * @param url the server's MCP endpoint
   * @param transport the inspector's name for it: {@code http} (Streamable HTTP) or {@code sse}
   */
  InspectorCli(String url, String transport) {
    Path nodeDir =
        Path.of(System.getProperty("node.clients.dir", "src/test/node")).toAbsolutePath();
    packageDir = nodeDir.resolve("node_modules/@modelcontextprotocol/inspector-cli");
    options.addAll(List.of("--cli", url, "--transport", transport));
  }

  InspectorCli header(String name, String value) {
    options.addAll(List.of("--header", name + ": " + value));
    if (name.equalsIgnoreCase("X-API-Key")) {
      secret = value;
    }
    return this;
  }

  Run listTools() throws Exception {
    return run(List.of("--method", "tools/list"));
  }

  /** {@code tools/call} with {@code key=value} arguments (values that parse as JSON go as JSON). */
  Run callTool(String name, String... arguments) throws Exception {
    List<String> method = new ArrayList<>(List.of("--method", "tools/call", "--tool-name", name));
    if (arguments.length > 0) {
      method.add("--tool-arg");
      method.addAll(List.of(arguments));
    }
    return run(method);
  }

  private Run run(List<String> method) throws Exception {
    Path cli = packageDir.resolve("build/cli.js");
    if (!Files.isRegularFile(cli)) {
      throw new IllegalStateException("the inspector CLI is not installed (npm ci): " + cli);
    }
    List<String> command = new ArrayList<>(List.of("node", cli.toString()));
    command.addAll(options);
    command.addAll(method);
    Path out = Files.createTempFile("inspector-", ".out");
    Path err = Files.createTempFile("inspector-", ".err");
    try {
      // The CLI reads its own package.json as "../package.json" relative to the working directory
      // (inspector-cli 1.0.3, build/index.js): run it from its build directory.
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(packageDir.resolve("build").toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      Process p = pb.start();
      if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(
            "the inspector did not finish within "
                + TIMEOUT.toSeconds()
                + " s and was killed: "
                + new Run(-1, read(out), read(err), secret));
      }
      return new Run(p.exitValue(), read(out), read(err), secret);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
