package io.cloudnativemcp.adapter.in.http.mcp;

import io.cloudnativemcp.adapter.in.http.RequestAttributes;
import io.cloudnativemcp.application.port.in.CompleteArgumentQuery;
import io.cloudnativemcp.application.port.in.CompleteArgumentUseCase;
import io.cloudnativemcp.application.port.in.PromptsUseCase;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.prompt.PromptArgumentsException;
import io.cloudnativemcp.domain.prompt.PromptDescriptor;
import io.cloudnativemcp.domain.prompt.RenderedPrompt;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prompts and argument completion for MCP: {@code prompts/list}, {@code prompts/get} and {@code
 * completion/complete} on the use cases. Bad prompt arguments are a JSON-RPC "invalid params"
 * error, as the specification asks.
 */
final class McpPromptBridge {
  private final PromptsUseCase prompts;
  private final CompleteArgumentUseCase completion;

  McpPromptBridge(PromptsUseCase prompts, CompleteArgumentUseCase completion) {
    this.prompts = prompts;
    this.completion = completion;
  }

  McpFeatureSet features() {
    List<McpFeatureSet.Prompt> specs =
        prompts.prompts().stream().map(p -> new McpFeatureSet.Prompt(toMcp(p), (call, request) -> get(request))).toList();
    List<McpFeatureSet.Completion> completions =
        prompts.prompts().stream()
            .map(p -> new McpFeatureSet.Completion(new McpSchema.PromptReference(p.name()), this::complete))
            .toList();
    return new McpFeatureSet(List.of(), List.of(), List.of(), specs, completions);
  }

  static McpSchema.Prompt toMcp(PromptDescriptor p) {
    return new McpSchema.Prompt(
        p.name(),
        p.title(),
        p.description(),
        p.arguments().stream().map(a -> new McpSchema.PromptArgument(a.name(), a.description(), a.required())).toList());
  }

  private McpSchema.GetPromptResult get(McpSchema.GetPromptRequest request) {
    Map<String, String> arguments = new LinkedHashMap<>();
    if (request.arguments() != null) {
      request.arguments().forEach((k, v) -> arguments.put(k, v == null ? null : String.valueOf(v)));
    }
    RenderedPrompt rendered;
    try {
      rendered = prompts.render(request.name(), arguments);
    } catch (PromptArgumentsException e) {
      throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(e.getMessage()).build();
    }
    return new McpSchema.GetPromptResult(
        rendered.description(),
        rendered.messages().stream().map(m -> new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(m))).toList());
  }

  private McpSchema.CompleteResult complete(McpCall call, McpSchema.CompleteRequest request) {
    Object principal = call.context().get(RequestAttributes.PRINCIPAL);
    if (!(principal instanceof Principal caller) || !(request.ref() instanceof McpSchema.PromptReference ref)) {
      return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(List.of(), 0, false));
    }
    Map<String, String> context = request.context() == null || request.context().arguments() == null ? Map.of() : request.context().arguments();
    CompleteArgumentUseCase.Completions answer =
        completion.complete(new CompleteArgumentQuery(caller, ref.name(), request.argument().name(), request.argument().value(), context));
    return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(answer.values(), answer.total(), answer.hasMore()));
  }
}
