package io.cloudnativemcp.adapter.in.http.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fixtures the official conformance suite ({@code @modelcontextprotocol/conformance}) calls by
 * name: tools returning each content type, logging, progress, sampling, elicitation, a JSON Schema
 * 2020-12 tool, static and templated resources, and prompts. They exist only when
 * {@code testing.conformanceFixtures: true} (which the configuration accepts only on a loopback
 * address); they never touch the cluster.
 *
 * <p>The behaviour mirrors the suite's reference "everything" server, since each scenario checks
 * exact names, content types and texts.
 */
final class ConformanceFixtures {
  /** A 1x1 red PNG. */
  static final String IMAGE = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
  /** A minimal WAV file. */
  static final String AUDIO = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=";

  private static final Map<String, Object> NO_ARGUMENTS = Map.of("type", "object", "properties", Map.of());
  private static final Pattern TEMPLATE_URI = Pattern.compile("test://template/([^/]+)/data");

  private final JsonMapper json = JsonMapper.builder().build();

  /** The fixtures need a session (they send notifications and requests back); stateless endpoints get none. */
  McpFeatureSet features() {
    return new McpFeatureSet(tools(), resources(), templates(), prompts(), completions());
  }

  private List<McpFeatureSet.Tool> tools() {
    return List.of(
        tool("test_simple_text", "Tests simple text content response", (x, r) -> result(text("This is a simple text response for testing."))),
        tool("test_image_content", "Tests image content response", (x, r) -> result(new McpSchema.ImageContent(null, IMAGE, "image/png"))),
        tool("test_audio_content", "Tests audio content response", (x, r) -> result(new McpSchema.AudioContent(null, AUDIO, "audio/wav"))),
        tool(
            "test_embedded_resource",
            "Tests embedded resource content response",
            (x, r) -> result(embedded("test://embedded-resource", "text/plain", "This is an embedded resource content."))),
        tool(
            "test_multiple_content_types",
            "Tests response with multiple content types (text, image, resource)",
            (x, r) ->
                result(
                    text("Multiple content types test:"),
                    new McpSchema.ImageContent(null, IMAGE, "image/png"),
                    embedded("test://mixed-content-resource", "application/json", "{\"test\":\"data\",\"value\":123}"))),
        tool("test_tool_with_logging", "Tests tool that emits log messages during execution", this::logging),
        tool("test_tool_with_progress", "Tests tool that reports progress notifications", this::progress),
        tool(
            "test_error_handling",
            "Tests error response handling",
            (x, r) -> CallToolResult.builder().addTextContent("This tool intentionally returns an error for testing").isError(true).build()),
        tool(
            "test_sampling",
            "Tests server-initiated sampling (LLM completion request)",
            stringArgument("prompt", "The prompt to send to the LLM"),
            this::sampling),
        tool(
            "test_elicitation",
            "Tests server-initiated elicitation (user input request)",
            stringArgument("message", "The message to show the user"),
            (x, r) ->
                elicit(
                    x,
                    String.valueOf(r.arguments().get("message")),
                    Map.of(
                        "type", "object",
                        "properties", Map.of("response", Map.of("type", "string", "description", "User's response")),
                        "required", List.of("response")),
                    "User response")),
        tool(
            "test_elicitation_sep1034_defaults",
            "Tests elicitation with default values per SEP-1034",
            (x, r) -> elicit(x, "Please review and update the form fields with defaults", schema("elicitation-sep1034-defaults"), "Elicitation completed")),
        tool(
            "test_elicitation_sep1330_enums",
            "Tests elicitation with enum schema improvements per SEP-1330",
            (x, r) -> elicit(x, "Please select options from the enum fields", schema("elicitation-sep1330-enums"), "Elicitation completed")),
        tool(
            "json_schema_2020_12_tool",
            "Tool with JSON Schema 2020-12 features for conformance testing (SEP-1613)",
            schema("json-schema-2020-12"),
            (x, r) -> result(text("JSON Schema 2020-12 tool called with: " + json.writeValueAsString(r.arguments())))));
  }

  private CallToolResult logging(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    for (String message : List.of("Tool execution started", "Tool processing data", "Tool execution completed")) {
      exchange.loggingNotification(
          McpSchema.LoggingMessageNotification.builder().level(McpSchema.LoggingLevel.INFO).logger("conformance").data(message).build());
      pause();
    }
    return result(text("Tool with logging executed successfully"));
  }

  private CallToolResult progress(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    Object token = request.meta() == null ? null : request.meta().get("progressToken");
    if (token != null) {
      for (int step : new int[] {0, 50, 100}) {
        exchange.progressNotification(new McpSchema.ProgressNotification(token, step, 100.0, "Completed step " + step + " of 100"));
        pause();
      }
    }
    return result(text(String.valueOf(token)));
  }

  private CallToolResult sampling(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    McpSchema.CreateMessageResult answer =
        exchange.createMessage(
            McpSchema.CreateMessageRequest.builder()
                .messages(
                    List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER, text(String.valueOf(request.arguments().get("prompt"))))))
                .maxTokens(100)
                .build());
    String reply = answer.content() instanceof TextContent t ? t.text() : "No response";
    return result(text("LLM response: " + reply));
  }

  private CallToolResult elicit(McpSyncServerExchange exchange, String message, Map<String, Object> schema, String prefix) {
    McpSchema.ElicitResult answer = exchange.createElicitation(new ExchangeInteraction.ConfirmationRequest(message, schema));
    String action = answer.action() == null ? "" : answer.action().name().toLowerCase(Locale.ROOT);
    return result(text(prefix + ": action=" + action + ", content=" + json.writeValueAsString(answer.content() == null ? Map.of() : answer.content())));
  }

  private List<McpFeatureSet.Resource> resources() {
    return List.of(
        textResource("test://static-text", "static-text", "Static Text Resource", "This is the content of the static text resource."),
        new McpFeatureSet.Resource(
            McpSchema.Resource.builder()
                .uri("test://static-binary")
                .name("static-binary")
                .title("Static Binary Resource")
                .description("A static binary resource (image) for testing")
                .mimeType("image/png")
                .build(),
            (x, r) -> new McpSchema.ReadResourceResult(List.of(new McpSchema.BlobResourceContents("test://static-binary", "image/png", IMAGE)))),
        textResource("test://watched-resource", "watched-resource", "Watched Resource", "Watched resource content"));
  }

  private static McpFeatureSet.Resource textResource(String uri, String name, String title, String content) {
    return new McpFeatureSet.Resource(
        McpSchema.Resource.builder().uri(uri).name(name).title(title).description(title + " for testing").mimeType("text/plain").build(),
        (x, r) -> new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, "text/plain", content))));
  }

  private List<McpFeatureSet.Template> templates() {
    return List.of(
        new McpFeatureSet.Template(
            new McpSchema.ResourceTemplate(
                "test://template/{id}/data",
                "template",
                "Resource Template",
                "A resource template with parameter substitution",
                "application/json",
                null,
                null),
            (x, r) -> {
              Matcher m = TEMPLATE_URI.matcher(r.uri());
              String id = m.matches() ? m.group(1) : "";
              String body = json.writeValueAsString(Map.of("id", id, "templateTest", true, "data", "Data for ID: " + id));
              return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(r.uri(), "application/json", body)));
            }));
  }

  private List<McpFeatureSet.Prompt> prompts() {
    return List.of(
        new McpFeatureSet.Prompt(
            new McpSchema.Prompt("test_simple_prompt", "Simple Test Prompt", "A simple prompt without arguments", List.of()),
            (x, r) -> prompt(text("This is a simple prompt for testing."))),
        new McpFeatureSet.Prompt(
            new McpSchema.Prompt(
                "test_prompt_with_arguments",
                "Prompt With Arguments",
                "A prompt with required arguments",
                List.of(
                    new McpSchema.PromptArgument("arg1", "First test argument", true),
                    new McpSchema.PromptArgument("arg2", "Second test argument", true))),
            (x, r) -> prompt(text("Prompt with arguments: arg1='" + r.arguments().get("arg1") + "', arg2='" + r.arguments().get("arg2") + "'"))),
        new McpFeatureSet.Prompt(
            new McpSchema.Prompt(
                "test_prompt_with_embedded_resource",
                "Prompt With Embedded Resource",
                "A prompt that includes an embedded resource",
                List.of(new McpSchema.PromptArgument("resourceUri", "URI of the resource to embed", true))),
            (x, r) ->
                prompt(
                    embedded(String.valueOf(r.arguments().get("resourceUri")), "text/plain", "Embedded resource content for testing."),
                    text("Please process the embedded resource above."))),
        new McpFeatureSet.Prompt(
            new McpSchema.Prompt("test_prompt_with_image", "Prompt With Image", "A prompt that includes image content", List.of()),
            (x, r) -> prompt(new McpSchema.ImageContent(null, IMAGE, "image/png"), text("Please analyze the image above."))));
  }

  /** The suite only checks the shape of the answer; an empty list is the reference answer too. */
  private static List<McpFeatureSet.Completion> completions() {
    return List.of(
        new McpFeatureSet.Completion(
            new McpSchema.PromptReference("test_prompt_with_arguments"),
            (x, r) -> new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(List.of(), 0, false))));
  }

  private static McpSchema.GetPromptResult prompt(Content... contents) {
    return new McpSchema.GetPromptResult(
        null, Arrays.stream(contents).map(c -> new McpSchema.PromptMessage(McpSchema.Role.USER, c)).toList());
  }

  private static McpFeatureSet.Tool tool(
      String name, String description, BiFunction<McpSyncServerExchange, McpSchema.CallToolRequest, CallToolResult> handler) {
    return tool(name, description, NO_ARGUMENTS, handler);
  }

  private static McpFeatureSet.Tool tool(
      String name,
      String description,
      Map<String, Object> inputSchema,
      BiFunction<McpSyncServerExchange, McpSchema.CallToolRequest, CallToolResult> handler) {
    return new McpFeatureSet.Tool(
        McpSchema.Tool.builder().name(name).description(description).inputSchema(inputSchema).build(),
        (call, request) -> handler.apply(call.session(), request));
  }

  private static Map<String, Object> stringArgument(String name, String description) {
    return Map.of("type", "object", "properties", Map.of(name, Map.of("type", "string", "description", description)), "required", List.of(name));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> schema(String name) {
    try (InputStream in = ConformanceFixtures.class.getResourceAsStream("conformance/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("missing fixture schema " + name);
      }
      return json.readValue(in, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CallToolResult result(Content... contents) {
    return CallToolResult.builder().content(List.of(contents)).build();
  }

  private static TextContent text(String text) {
    return new TextContent(text);
  }

  private static McpSchema.EmbeddedResource embedded(String uri, String mimeType, String text) {
    return new McpSchema.EmbeddedResource(null, new McpSchema.TextResourceContents(uri, mimeType, text));
  }

  /** The reference server spaces its notifications; clients must cope with them arriving over time. */
  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
