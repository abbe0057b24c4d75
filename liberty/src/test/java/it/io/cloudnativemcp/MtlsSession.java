package it.io.cloudnativemcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** One Streamable HTTP session over a given (client-certificate) HTTP client. */
final class MtlsSession {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MtlsSession() {}

  static JsonNode callTool(HttpClient client, String endpoint, String tool, Map<String, ?> arguments) throws Exception {
    HttpResponse<String> init = post(client, endpoint, null,
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"mtls\",\"version\":\"1\"}}}");
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow(() -> new IllegalStateException(init.body()));
    post(client, endpoint, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", "tools/call");
    request.putObject("params").put("name", tool).set("arguments", JSON.valueToTree(arguments));
    return RawMcpSession.message(post(client, endpoint, session, JSON.writeValueAsString(request)).body());
  }

  private static HttpResponse<String> post(HttpClient client, String endpoint, String session, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
