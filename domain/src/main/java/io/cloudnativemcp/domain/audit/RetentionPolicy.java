package io.cloudnativemcp.domain.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How many audit records to keep ({@code audit.database.maxRecords}) and optionally for how long
 * ({@code audit.database.maxAgeDays}); the oldest go first, in batches.
 */
public record RetentionPolicy(long maxRecords, Optional<Duration> maxAge, int batchSize) {
  public RetentionPolicy {
    if (maxRecords < 1) {
      throw new IllegalArgumentException("maxRecords must be positive");
    }
    maxAge = maxAge == null ? Optional.empty() : maxAge;
    maxAge.ifPresent(
        a -> {
          if (a.isNegative() || a.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
          }
        });
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
  }

  /** How many of the oldest records to delete now, given the current count. */
  public long excess(long count) {
    return Math.max(0, count - maxRecords);
  }

  /** Records older than this may be deleted, when an age limit is set. */
  public Optional<Instant> cutoff(Instant now) {
    return maxAge.map(now::minus);
  }
}
