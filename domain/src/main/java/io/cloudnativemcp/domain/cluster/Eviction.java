package io.cloudnativemcp.domain.cluster;

import java.util.Objects;

/**
 * The answer to an eviction request.
 *
 * @param outcome evicted, blocked (a PodDisruptionBudget refused it for now) or gone
 * @param message the API server's explanation
 */
public record Eviction(Outcome outcome, String message) {
  public Eviction {
    Objects.requireNonNull(outcome, "'outcome' must not be null");
    message = message == null ? "" : message;
  }

  /** How an eviction ended. */
  public enum Outcome {
    EVICTED,
    BLOCKED_BY_DISRUPTION_BUDGET,
    ALREADY_GONE
  }
}
