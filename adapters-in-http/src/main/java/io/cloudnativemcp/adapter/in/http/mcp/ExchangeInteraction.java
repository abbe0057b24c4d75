package io.cloudnativemcp.adapter.in.http.mcp;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.cloudnativemcp.application.port.in.CallToolCommand;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The client's side of one {@code tools/call}, through the SDK: confirmation by MCP elicitation
 * (when the client declared the capability), progress notifications (when the request carried a
 * {@code progressToken}), and cancellation.
 *
 * <p>The SDK (2.1) delivers no {@code notifications/cancelled} to handlers, so cancellation is
 * noticed the only way left: when the Streamable HTTP stream of the call ends before the tool does
 * (the client went away, so writing a progress notification failed and the transport completed
 * the stream), the tool stops at its next look. Waits are also bounded by their timeout.
 */
final class ExchangeInteraction implements CallToolCommand.Interaction {
  static final String CONFIRM_FIELD = "confirm";
  private static final Logger LOG = Logger.getLogger(ExchangeInteraction.class.getName());

  private final Optional<McpSyncServerExchange> exchange;
  private final McpTransportContext context;
  private final Object progressToken;
  private volatile boolean cancelled;

  private volatile boolean listening;

  ExchangeInteraction(McpCall call, McpSchema.CallToolRequest request) {
    this.exchange = call.exchange();
    this.context = call.context();
    Map<String, Object> meta = request.meta();
    // Without a session (stateless endpoint) nothing can reach the client before the answer.
    this.progressToken = meta == null || exchange.isEmpty() ? null : meta.get("progressToken");
  }

  /**
   * Watches the call's own HTTP stream: once the transport completes it (after a failed write to a
   * client that went away), the call counts as cancelled. Only the Streamable HTTP transport keeps
   * the call's request open while the tool runs; elsewhere this does nothing.
   */
  private void watchStream() {
    if (listening) {
      return;
    }
    listening = true;
    Object r = context == null ? null : context.get(McpToolBridge.HTTP_REQUEST);
    try {
      if (r instanceof HttpServletRequest request && request.isAsyncStarted()) {
        request.getAsyncContext().addListener(new AsyncListener() {
          @Override
          public void onComplete(AsyncEvent event) {
            cancelled = true;
          }

          @Override
          public void onTimeout(AsyncEvent event) {
            cancelled = true;
          }

          @Override
          public void onError(AsyncEvent event) {
            cancelled = true;
          }

          @Override
          public void onStartAsync(AsyncEvent event) {}
        });
      }
    } catch (IllegalStateException e) {
      // The stream is already over.
      cancelled = true;
    }
  }

  @Override
  public boolean canConfirm() {
    McpSchema.ClientCapabilities caps = exchange.map(McpSyncServerExchange::getClientCapabilities).orElse(null);
    return caps != null && caps.elicitation() != null;
  }

  @Override
  public Confirmation confirm(String message) {
    if (!canConfirm()) {
      return Confirmation.UNAVAILABLE;
    }
    Map<String, Object> schema =
        Map.of(
            "type", "object",
            "properties",
                Map.of(
                    CONFIRM_FIELD,
                    Map.of("type", "boolean", "title", "Confirm", "description", "Allow this change to the cluster.")),
            "required", List.of(CONFIRM_FIELD));
    try {
      McpSchema.ElicitResult answer = exchange.orElseThrow().createElicitation(new ConfirmationRequest(message, schema));
      if (answer == null || answer.action() == null) {
        return Confirmation.CANCELLED;
      }
      return switch (answer.action()) {
        case ACCEPT -> answer.content() != null && Boolean.TRUE.equals(answer.content().get(CONFIRM_FIELD))
            ? Confirmation.ACCEPTED
            : Confirmation.DECLINED;
        case DECLINE -> Confirmation.DECLINED;
        case CANCEL -> Confirmation.CANCELLED;
      };
    } catch (RuntimeException e) {
      // A timeout or a client that failed to answer: not a confirmation.
      LOG.log(Level.FINE, "elicitation failed", e);
      return Confirmation.CANCELLED;
    }
  }

  /**
   * A form-mode elicitation request. The SDK's own {@code ElicitFormRequest} cannot be written by
   * its Jackson 3 mapper (2.1.0: "Conflict between type id property 'mode' and bean property with
   * same name"), so this one writes {@code mode} as a plain property instead of a type id.
   */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record ConfirmationRequest(
      @JsonProperty("message") String message,
      @JsonProperty("requestedSchema") Map<String, Object> requestedSchema)
      implements McpSchema.ElicitRequest {

    @Override
    @JsonProperty("mode")
    public String mode() {
      return "form";
    }

    @Override
    @JsonIgnore
    public Map<String, Object> meta() {
      return null;
    }
  }

  @Override
  public void progress(double done, Double total, String message) {
    watchStream();
    if (progressToken == null || cancelled) {
      return;
    }
    try {
      exchange.orElseThrow().progressNotification(new McpSchema.ProgressNotification(progressToken, done, total, message));
    } catch (RuntimeException e) {
      // The stream of this request is gone: the caller will not read the answer.
      LOG.log(Level.FINE, "progress notification failed; treating the call as cancelled", e);
      cancelled = true;
    }
  }

  @Override
  public boolean cancelled() {
    watchStream();
    return cancelled || Thread.currentThread().isInterrupted();
  }
}
