package io.cloudnativemcp.adapter.in.http.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The confirmation request goes over the wire as MCP form elicitation, written by the server's own mapper. */
class ExchangeInteractionTest {
  private final JacksonMcpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.builder().build());

  @Test
  void givenAConfirmation_serverMapper_writesAFormElicitation() throws Exception {
    Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("confirm", Map.of("type", "boolean")), "required", List.of("confirm"));
    McpSchema.JSONRPCRequest request =
        new McpSchema.JSONRPCRequest("2.0", McpSchema.METHOD_ELICITATION_CREATE, "e-1", new ExchangeInteraction.ConfirmationRequest("Delete deploy shop/web?", schema));

    String wire = json.writeValueAsString(request);

    assertThat(wire).contains("\"method\":\"elicitation/create\"", "\"message\":\"Delete deploy shop/web?\"", "\"mode\":\"form\"", "\"requestedSchema\":{")
        .doesNotContain("_meta");
  }

  @Test
  void givenTheSdksOwnFormRequest_serverMapper_cannotWriteIt_soTheWorkaroundStaysNeeded() {
    McpSchema.ElicitRequest sdk = McpSchema.ElicitRequest.builder().message("m").requestedSchema(Map.of("type", "object")).build();

    boolean fails;
    try {
      json.writeValueAsString(sdk);
      fails = false;
    } catch (Exception e) {
      fails = true;
    }
    // When the SDK fixes this, ExchangeInteraction.ConfirmationRequest can go.
    assertThat(fails).as("MCP SDK ElicitFormRequest serialisation with Jackson 3").isTrue();
  }
}
