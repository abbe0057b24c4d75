package io.cloudnativemcp.domain.cluster;

import java.util.Optional;

/**
 * How to delete an object.
 *
 * @param gracePeriodSeconds grace period, or empty for the object's default
 * @param propagation {@code Foreground}, {@code Background} or {@code Orphan}, or empty for the default
 */
public record DeleteOptions(Optional<Long> gracePeriodSeconds, Optional<String> propagation) {
  public DeleteOptions {
    gracePeriodSeconds = gracePeriodSeconds == null ? Optional.empty() : gracePeriodSeconds;
    propagation = propagation == null ? Optional.empty() : propagation;
    if (gracePeriodSeconds.isPresent() && gracePeriodSeconds.get() < 0) {
      throw new IllegalArgumentException("'gracePeriodSeconds' must not be negative");
    }
  }

  public static DeleteOptions defaults() {
    return new DeleteOptions(Optional.empty(), Optional.empty());
  }
}
