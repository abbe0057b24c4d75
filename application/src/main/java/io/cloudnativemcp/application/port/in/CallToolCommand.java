package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.principal.Principal;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code tools/call} from an authenticated principal. The tool name stays a string here: an
 * unknown or malformed name is an outcome the use case audits, not a reason to drop the call.
 *
 * @param interaction what the client can do while the call runs: confirm, follow progress, cancel
 */
public record CallToolCommand(
    Principal principal, String toolName, Map<String, Object> arguments, RequestOrigin origin, Interaction interaction) {
  public CallToolCommand {
    Objects.requireNonNull(principal, "'principal' must not be null");
    Objects.requireNonNull(toolName, "'toolName' must not be null");
    Objects.requireNonNull(origin, "'origin' must not be null");
    arguments = arguments == null ? Map.of() : arguments;
    interaction = interaction == null ? Interaction.NONE : interaction;
  }

  /** A call from a client that can neither confirm nor follow progress. */
  public CallToolCommand(Principal principal, String toolName, Map<String, Object> arguments, RequestOrigin origin) {
    this(principal, toolName, arguments, origin, Interaction.NONE);
  }

  /**
   * The client's side of a running call, implemented by the inbound adapter: asking the user to
   * confirm (MCP elicitation), reporting progress (MCP progress notifications) and noticing that
   * the caller gave up.
   */
  public interface Interaction {
    /** A client that can do none of it. */
    Interaction NONE =
        new Interaction() {
          @Override
          public boolean canConfirm() {
            return false;
          }

          @Override
          public Confirmation confirm(String message) {
            return Confirmation.UNAVAILABLE;
          }

          @Override
          public void progress(double done, Double total, String message) {}

          @Override
          public boolean cancelled() {
            return false;
          }
        };

    /** Whether the client can ask its user a question. */
    boolean canConfirm();

    /**
     * Asks the user to confirm an action and waits for the answer.
     *
     * @param message what will happen, in one or two sentences
     */
    Confirmation confirm(String message);

    /**
     * Reports progress, when the client asked for it; otherwise does nothing.
     *
     * @param total the total when known, else {@code null}
     */
    void progress(double done, Double total, String message);

    /** Whether the caller gave up: the request was cancelled or its connection closed. */
    boolean cancelled();

    /** The user's answer. */
    enum Confirmation {
      ACCEPTED,
      DECLINED,
      /** The user dismissed the question, or it failed or timed out. */
      CANCELLED,
      /** The client cannot ask. */
      UNAVAILABLE
    }
  }
}
