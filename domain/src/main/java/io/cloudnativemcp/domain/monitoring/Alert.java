package io.cloudnativemcp.domain.monitoring;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something an operator should look at. Carries no secret: subjects are principal names and
 * client addresses, details are counts and thresholds.
 *
 * @param type kind of alert
 * @param severity {@code warning} or {@code critical}
 * @param subject whom it is about ({@code address:10.0.0.7}, {@code principal:alice})
 * @param message one sentence for humans
 * @param at when it was raised
 * @param details numbers behind it
 */
public record Alert(AlertType type, String severity, String subject, String message, Instant at, Map<String, String> details) {
  public Alert {
    Objects.requireNonNull(type, "'type' must not be null");
    Objects.requireNonNull(severity, "'severity' must not be null");
    Objects.requireNonNull(subject, "'subject' must not be null");
    Objects.requireNonNull(message, "'message' must not be null");
    Objects.requireNonNull(at, "'at' must not be null");
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
