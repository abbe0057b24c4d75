package io.cloudnativemcp.domain.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One audit record. Arguments are stored already masked: build events through {@link
 * MaskingPolicy#mask(Map)} so that nothing sensitive reaches the store.
 *
 * @param id store-assigned id; {@code null} until stored
 * @param timestamp when the action started
 * @param type tool call, authentication or admin action
 * @param principal the caller's name, or what it claimed when authentication failed
 * @param authMethod wire name of the authentication method ({@code apikey}, {@code jwt}, …)
 * @param clientAddress the caller's address
 * @param transport {@code streamable-http}, {@code sse}, {@code rest}
 * @param sessionId MCP session id, when there is one
 * @param action the tool name, {@code authenticate}, or the admin action
 * @param namespace Kubernetes namespace the action addressed, when there is one
 * @param outcome precise outcome
 * @param error error message for outcomes other than success
 * @param durationMs time taken
 * @param arguments the masked arguments
 */
public record AuditEvent(
    Long id,
    Instant timestamp,
    AuditEventType type,
    String principal,
    String authMethod,
    String clientAddress,
    String transport,
    String sessionId,
    String action,
    String namespace,
    AuditOutcome outcome,
    String error,
    long durationMs,
    Map<String, Object> arguments) {

  public static final int MAX_ERROR_LENGTH = 2000;

  public AuditEvent {
    Objects.requireNonNull(timestamp, "'timestamp' must not be null");
    Objects.requireNonNull(type, "'type' must not be null");
    Objects.requireNonNull(outcome, "'outcome' must not be null");
    Objects.requireNonNull(action, "'action' must not be null");
    if (durationMs < 0) {
      throw new IllegalArgumentException("'durationMs' must not be negative");
    }
    if (error != null && error.length() > MAX_ERROR_LENGTH) {
      error = error.substring(0, MAX_ERROR_LENGTH) + "…";
    }
    arguments = arguments == null ? Map.of() : MaskingPolicy.immutableCopy(arguments);
  }

  public AuditStatus status() {
    return outcome.status();
  }

  public AuditEvent withId(long newId) {
    return new AuditEvent(
        newId, timestamp, type, principal, authMethod, clientAddress, transport, sessionId, action,
        namespace, outcome, error, durationMs, arguments);
  }

  /** The same event completed with a final outcome (for records written before the action). */
  public AuditEvent completed(AuditOutcome finalOutcome, String finalError, long finalDurationMs) {
    return new AuditEvent(
        id, timestamp, type, principal, authMethod, clientAddress, transport, sessionId, action,
        namespace, finalOutcome, finalError, finalDurationMs, arguments);
  }
}
