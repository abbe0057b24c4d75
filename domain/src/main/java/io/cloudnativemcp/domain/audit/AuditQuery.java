package io.cloudnativemcp.domain.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Filters of an audit search, newest first. Every filter is optional; {@code user} of the seed
 * guide's query is {@code principal} here.
 *
 * @param status success or failed
 * @param outcome the precise outcome
 * @param principal exact principal name
 * @param tool exact tool or action name
 * @param namespace exact namespace
 * @param authMethod {@code apikey}, {@code jwt}, {@code none}
 * @param clientAddress exact client address
 * @param from records at or after this time
 * @param to records before this time
 * @param after continue after this cursor
 * @param limit page size
 */
public record AuditQuery(
    Optional<AuditStatus> status,
    Optional<AuditOutcome> outcome,
    Optional<String> principal,
    Optional<String> tool,
    Optional<String> namespace,
    Optional<String> authMethod,
    Optional<String> clientAddress,
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<AuditCursor> after,
    int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;

  public AuditQuery {
    status = orEmpty(status);
    outcome = orEmpty(outcome);
    principal = orEmpty(principal).filter(s -> !s.isBlank());
    tool = orEmpty(tool).filter(s -> !s.isBlank());
    namespace = orEmpty(namespace).filter(s -> !s.isBlank());
    authMethod = orEmpty(authMethod).filter(s -> !s.isBlank());
    clientAddress = orEmpty(clientAddress).filter(s -> !s.isBlank());
    from = orEmpty(from);
    to = orEmpty(to);
    after = orEmpty(after);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  /** Everything, newest first. */
  public static AuditQuery all(int limit) {
    return new AuditQuery(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit);
  }

  public AuditQuery continuingAfter(AuditCursor cursor) {
    return new AuditQuery(
        status, outcome, principal, tool, namespace, authMethod, clientAddress, from, to, Optional.of(cursor), limit);
  }

  /** Whether an event satisfies the filters (the in-memory form of the query). */
  public boolean matches(AuditEvent e) {
    return status.map(s -> e.status() == s).orElse(true)
        && outcome.map(o -> e.outcome() == o).orElse(true)
        && principal.map(p -> p.equals(e.principal())).orElse(true)
        && tool.map(t -> t.equals(e.action())).orElse(true)
        && namespace.map(n -> n.equals(e.namespace())).orElse(true)
        && authMethod.map(m -> m.equals(e.authMethod())).orElse(true)
        && clientAddress.map(a -> a.equals(e.clientAddress())).orElse(true)
        && from.map(f -> !e.timestamp().isBefore(f)).orElse(true)
        && to.map(t -> e.timestamp().isBefore(t)).orElse(true)
        && after.map(c -> isOlder(e, c)).orElse(true);
  }

  /** Newest-first order: an event comes after the cursor when it is older. */
  static boolean isOlder(AuditEvent e, AuditCursor c) {
    int byTime = e.timestamp().compareTo(c.timestamp());
    return byTime < 0 || (byTime == 0 && e.id() != null && e.id() < c.id());
  }

  private static <T> Optional<T> orEmpty(Optional<T> o) {
    return o == null ? Optional.empty() : o;
  }
}
