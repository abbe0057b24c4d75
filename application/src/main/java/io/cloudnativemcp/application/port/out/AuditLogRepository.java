package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.audit.AuditPage;
import io.cloudnativemcp.domain.audit.AuditQuery;
import io.cloudnativemcp.domain.audit.AuditStats;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Outgoing port for storing and reading audit records. */
public interface AuditLogRepository {

  /**
   * Stores events and completes pending ones, all in one transaction, at most once per batch key.
   *
   * <p>A writer that retries a failed batch passes the same key again: when the store reported a
   * failure although the earlier attempt committed (the connection dropped after the commit), the
   * retry finds the key and stores nothing twice.
   *
   * @param batchKey unique per batch (a random UUID), the same on every attempt to write it
   * @throws StoreUnavailableException when the store cannot be written; nothing was stored
   */
  void write(String batchKey, List<AuditEvent> events, List<Completion> completions);

  /** Stores events and completes pending ones as a new batch (no retry expected). */
  default void write(List<AuditEvent> events, List<Completion> completions) {
    write(UUID.randomUUID().toString(), events, completions);
  }

  /** Stores events in one transaction, in order. */
  default void appendAll(List<AuditEvent> events) {
    write(events, List.of());
  }

  /**
   * Stores one event now and returns it with its id (for records that must exist before an
   * action runs).
   */
  AuditEvent append(AuditEvent event);

  /** One page of records matching the query, newest first. */
  AuditPage query(AuditQuery query);

  /**
   * Counts over a time range.
   *
   * @param top how many tools and principals to list at most
   */
  AuditStats stats(Optional<Instant> from, Optional<Instant> to, int top);

  /** Number of stored records. */
  long count();

  /**
   * Restores records from a backup. A record identical to one already stored (same time, type,
   * principal, origin, action, outcome and duration) is skipped, so restoring twice, or into an
   * installation that already holds part of the trail, adds nothing twice. Restored records get
   * new ids: ids are local to one installation.
   *
   * @return how many were added
   */
  int restore(List<AuditEvent> events);

  /** Deletes up to {@code max} of the oldest records; returns how many were deleted. */
  long deleteOldest(long max);

  /** Deletes up to {@code max} records older than {@code cutoff}; returns how many. */
  long deleteOlderThan(Instant cutoff, long max);

  /**
   * The final outcome of a record written before its action ran.
   *
   * @param id the pending record's id
   * @param outcome final outcome
   * @param error error message, or {@code null}
   * @param durationMs total duration
   */
  record Completion(long id, AuditOutcome outcome, String error, long durationMs) {}
}
