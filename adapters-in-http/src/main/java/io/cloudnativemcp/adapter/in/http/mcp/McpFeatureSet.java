package io.cloudnativemcp.adapter.in.http.mcp;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Tools, resources, prompts and completions that one part of the server contributes to every MCP
 * endpoint (the product's Kubernetes features, and the conformance fixtures when enabled). The
 * handlers take an {@link McpCall}, so the same features serve session and stateless endpoints.
 */
record McpFeatureSet(
    List<Tool> tools, List<Resource> resources, List<Template> templates, List<Prompt> prompts, List<Completion> completions) {

  record Tool(McpSchema.Tool tool, BiFunction<McpCall, McpSchema.CallToolRequest, McpSchema.CallToolResult> handler) {}

  record Resource(McpSchema.Resource resource, BiFunction<McpCall, McpSchema.ReadResourceRequest, McpSchema.ReadResourceResult> handler) {}

  record Template(
      McpSchema.ResourceTemplate template, BiFunction<McpCall, McpSchema.ReadResourceRequest, McpSchema.ReadResourceResult> handler) {}

  record Prompt(McpSchema.Prompt prompt, BiFunction<McpCall, McpSchema.GetPromptRequest, McpSchema.GetPromptResult> handler) {}

  record Completion(McpSchema.CompleteReference reference, BiFunction<McpCall, McpSchema.CompleteRequest, McpSchema.CompleteResult> handler) {}

  static final McpFeatureSet EMPTY = new McpFeatureSet(List.of(), List.of(), List.of(), List.of(), List.of());

  McpFeatureSet {
    tools = List.copyOf(tools);
    resources = List.copyOf(resources);
    templates = List.copyOf(templates);
    prompts = List.copyOf(prompts);
    completions = List.copyOf(completions);
  }

  McpFeatureSet plus(McpFeatureSet other) {
    return new McpFeatureSet(
        concat(tools, other.tools),
        concat(resources, other.resources),
        concat(templates, other.templates),
        concat(prompts, other.prompts),
        concat(completions, other.completions));
  }

  /**
   * What {@code initialize} announces: only the features there are. Logging and resource
   * subscriptions need a session to send notifications on.
   */
  McpSchema.ServerCapabilities capabilities(boolean sessions) {
    McpSchema.ServerCapabilities.Builder b = McpSchema.ServerCapabilities.builder().tools(false);
    if (sessions) {
      b.logging();
    }
    if (!resources.isEmpty() || !templates.isEmpty()) {
      b.resources(sessions, false);
    }
    if (!prompts.isEmpty()) {
      b.prompts(false);
    }
    if (!completions.isEmpty()) {
      b.completions();
    }
    return b.build();
  }

  /** The features as the SDK's session server takes them. */
  void applyTo(io.modelcontextprotocol.server.McpServer.SyncSpecification<?> spec) {
    spec.tools(
            tools.stream()
                .map(t -> McpServerFeatures.SyncToolSpecification.builder().tool(t.tool()).callHandler((x, r) -> t.handler().apply(McpCall.of(x), r)).build())
                .toList())
        .resources(
            resources.stream()
                .map(r -> new McpServerFeatures.SyncResourceSpecification(r.resource(), (x, q) -> r.handler().apply(McpCall.of(x), q)))
                .toList())
        .resourceTemplates(
            templates.stream()
                .map(t -> new McpServerFeatures.SyncResourceTemplateSpecification(t.template(), (x, q) -> t.handler().apply(McpCall.of(x), q)))
                .toList())
        .prompts(
            prompts.stream()
                .map(p -> new McpServerFeatures.SyncPromptSpecification(p.prompt(), (x, q) -> p.handler().apply(McpCall.of(x), q)))
                .toList())
        .completions(
            completions.stream()
                .map(c -> new McpServerFeatures.SyncCompletionSpecification(c.reference(), (x, q) -> c.handler().apply(McpCall.of(x), q)))
                .toList());
  }

  /** The features as the SDK's stateless server takes them. */
  void applyTo(io.modelcontextprotocol.server.McpServer.StatelessSyncSpecification spec) {
    spec.tools(
            tools.stream()
                .map(t ->
                    McpStatelessServerFeatures.SyncToolSpecification.builder()
                        .tool(t.tool())
                        .callHandler((c, r) -> t.handler().apply(McpCall.stateless(c), r))
                        .build())
                .toList())
        .resources(
            resources.stream()
                .map(r -> new McpStatelessServerFeatures.SyncResourceSpecification(r.resource(), (c, q) -> r.handler().apply(McpCall.stateless(c), q)))
                .toList())
        .resourceTemplates(
            templates.stream()
                .map(t ->
                    new McpStatelessServerFeatures.SyncResourceTemplateSpecification(
                        t.template(), (c, q) -> t.handler().apply(McpCall.stateless(c), q)))
                .toList())
        .prompts(
            prompts.stream()
                .map(p -> new McpStatelessServerFeatures.SyncPromptSpecification(p.prompt(), (c, q) -> p.handler().apply(McpCall.stateless(c), q)))
                .toList())
        .completions(
            completions.stream()
                .map(c ->
                    new McpStatelessServerFeatures.SyncCompletionSpecification(
                        c.reference(), (ctx, q) -> c.handler().apply(McpCall.stateless(ctx), q)))
                .toList());
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
