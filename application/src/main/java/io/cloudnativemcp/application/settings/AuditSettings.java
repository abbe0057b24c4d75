package io.cloudnativemcp.application.settings;

import io.cloudnativemcp.domain.audit.RetentionPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the audit trail behaves.
 *
 * @param enabled {@code audit.enabled}
 * @param bufferCapacity records that may wait for the store ({@code audit.bufferSize})
 * @param batchSize records written per transaction
 * @param failClosed refuse new calls when the buffer is full rather than act unaudited
 * @param retention how many records, and for how long, to keep
 */
public record AuditSettings(
    boolean enabled, int bufferCapacity, int batchSize, boolean failClosed, RetentionPolicy retention) {
  public AuditSettings {
    Objects.requireNonNull(retention, "'retention' must not be null");
    if (bufferCapacity < 1 || batchSize < 1) {
      throw new IllegalArgumentException("buffer and batch sizes must be positive");
    }
  }

  public static AuditSettings defaults() {
    return new AuditSettings(true, 10_000, 500, true, new RetentionPolicy(100_000, Optional.empty(), 1000));
  }

  /** Longest pause between a record's arrival and its write when the store is healthy. */
  public static final Duration MAX_WRITE_DELAY = Duration.ofMillis(50);
}
