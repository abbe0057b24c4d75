package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/** A tool whose behaviour a test writes in a lambda; it remembers its calls. */
public final class ScriptedTool implements Tool {
  /** One call: the validated arguments and the caller. */
  public record Call(ToolArguments arguments, Principal caller) {}

  private final ToolDescriptor descriptor;
  private final BiFunction<ToolArguments, Principal, ToolResult> behaviour;
  private final List<Call> calls = new ArrayList<>();

  public ScriptedTool(ToolDescriptor descriptor, BiFunction<ToolArguments, Principal, ToolResult> behaviour) {
    this.descriptor = Objects.requireNonNull(descriptor, "'descriptor' must not be null");
    this.behaviour = Objects.requireNonNull(behaviour, "'behaviour' must not be null");
  }

  /** A tool that always answers {@code text}. */
  public static ScriptedTool answering(ToolDescriptor descriptor, String text) {
    return new ScriptedTool(descriptor, (args, caller) -> ToolResult.text(text));
  }

  /** A tool that always throws {@code e}. */
  public static ScriptedTool throwing(ToolDescriptor descriptor, RuntimeException e) {
    return new ScriptedTool(
        descriptor,
        (args, caller) -> {
          throw e;
        });
  }

  @Override
  public ToolDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public synchronized ToolResult call(ToolArguments arguments, ToolCall call) {
    calls.add(new Call(arguments, call.caller()));
    return behaviour.apply(arguments, call.caller());
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }
}
