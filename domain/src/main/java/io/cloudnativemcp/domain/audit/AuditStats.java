package io.cloudnativemcp.domain.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Counts of audit records over a time range.
 *
 * @param from start of the range, if bounded
 * @param to end of the range, if bounded
 * @param total records in the range
 * @param byOutcome counts per outcome wire name
 * @param byTool counts per tool or action (the most frequent first, bounded)
 * @param byPrincipal counts per principal (the most frequent first, bounded)
 */
public record AuditStats(
    Optional<Instant> from,
    Optional<Instant> to,
    long total,
    Map<String, Long> byOutcome,
    Map<String, Long> byTool,
    Map<String, Long> byPrincipal) {
  public AuditStats {
    byOutcome = Map.copyOf(byOutcome);
    byTool = Map.copyOf(byTool);
    byPrincipal = Map.copyOf(byPrincipal);
  }
}
