package it.io.cloudnativemcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the official MCP TypeScript SDK client (src/test/node/mcp-client.mjs) with a plan of steps. */
final class NodeMcpClient {
  static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode plan = JSON.createObjectNode();
  private final Map<String, String> environment = new java.util.HashMap<>();
  private final ArrayNode steps = plan.putArray("steps");

  NodeMcpClient(String url, String transport) {
    plan.put("url", url);
    plan.put("transport", transport);
    plan.putObject("headers");
  }

  NodeMcpClient header(String name, String value) {
    ((ObjectNode) plan.get("headers")).put(name, value);
    return this;
  }

  /** An environment variable for the client process (for example NODE_EXTRA_CA_CERTS). */
  NodeMcpClient environment(String name, String value) {
    environment.put(name, value);
    return this;
  }

  NodeMcpClient listTools() {
    steps.addObject().put("op", "listTools");
    return this;
  }

  NodeMcpClient callTool(String name, Map<String, ?> arguments) {
    ObjectNode step = steps.addObject().put("op", "callTool").put("name", name);
    step.set("arguments", JSON.valueToTree(arguments));
    return this;
  }

  /** Runs the plan and returns the client's JSON report. */
  JsonNode run() throws Exception {
    Path dir = Path.of(System.getProperty("node.clients.dir", "src/test/node")).toAbsolutePath();
    ProcessBuilder pb = new ProcessBuilder("node", "mcp-client.mjs", JSON.writeValueAsString(plan)).directory(dir.toFile());
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().putAll(environment);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("the TypeScript client did not finish within 120 s");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException("the TypeScript client printed no JSON: " + text, e);
    }
  }
}
