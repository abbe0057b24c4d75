package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.port.in.CallToolCommand;
import io.cloudnativemcp.domain.principal.Principal;
import java.util.Objects;

/**
 * One running call as a tool sees it: the caller (whose identity the cluster calls carry) and the
 * client's side of the call, for progress and cancellation.
 */
public record ToolCall(Principal caller, CallToolCommand.Interaction interaction) {
  public ToolCall {
    Objects.requireNonNull(caller, "'caller' must not be null");
    interaction = interaction == null ? CallToolCommand.Interaction.NONE : interaction;
  }

  /** A call from a client that follows no progress and never cancels (tests, internal calls). */
  public static ToolCall of(Principal caller) {
    return new ToolCall(caller, CallToolCommand.Interaction.NONE);
  }

  public void progress(double done, Double total, String message) {
    interaction.progress(done, total, message);
  }

  public boolean cancelled() {
    return interaction.cancelled();
  }
}
