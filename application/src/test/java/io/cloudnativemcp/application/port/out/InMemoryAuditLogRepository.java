package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.audit.AuditCursor;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditPage;
import io.cloudnativemcp.domain.audit.AuditQuery;
import io.cloudnativemcp.domain.audit.AuditStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Audit store in a list; assigns ids from 1 on and can be told the database is down. */
public final class InMemoryAuditLogRepository implements AuditLogRepository {
  /** Newest first, as the port's queries order records. */
  private static final Comparator<AuditEvent> NEWEST_FIRST =
      Comparator.comparing(AuditEvent::timestamp).thenComparing(AuditEvent::id).reversed();

  private final List<AuditEvent> events = new ArrayList<>();
  private final Set<String> batchKeys = new HashSet<>();
  private long nextId = 1;
  private int lostAcknowledgements;
  private StoreUnavailableException failure;

  @Override
  public synchronized void write(String batchKey, List<AuditEvent> batch, List<Completion> completions) {
    failIfTold();
    if (!batchKeys.add(batchKey)) {
      return;
    }
    try {
      store(batch, completions);
    } finally {
      if (lostAcknowledgements > 0) {
        lostAcknowledgements--;
        throw new StoreUnavailableException("connection closed after commit (test)");
      }
    }
  }

  private void store(List<AuditEvent> batch, List<Completion> completions) {
    batch.forEach(e -> Objects.requireNonNull(e, "'event' must not be null"));
    for (AuditEvent e : batch) {
      events.add(e.withId(nextId++));
    }
    for (Completion c : completions) {
      for (int i = 0; i < events.size(); i++) {
        AuditEvent e = events.get(i);
        if (e.id() == c.id()) {
          events.set(i, e.completed(c.outcome(), c.error(), c.durationMs()));
        }
      }
    }
  }

  @Override
  public synchronized AuditEvent append(AuditEvent event) {
    failIfTold();
    AuditEvent stored = Objects.requireNonNull(event, "'event' must not be null").withId(nextId++);
    events.add(stored);
    return stored;
  }

  @Override
  public synchronized int restore(List<AuditEvent> restored) {
    failIfTold();
    int added = 0;
    for (AuditEvent e : restored) {
      boolean present =
          events.stream().anyMatch(x -> x.timestamp().equals(e.timestamp()) && x.action().equals(e.action())
              && Objects.equals(x.principal(), e.principal()) && Objects.equals(x.sessionId(), e.sessionId())
              && Objects.equals(x.clientAddress(), e.clientAddress()) && x.outcome() == e.outcome()
              && x.durationMs() == e.durationMs());
      if (!present) {
        events.add(e.withId(nextId++));
        added++;
      }
    }
    return added;
  }

  @Override
  public synchronized AuditPage query(AuditQuery query) {
    List<AuditEvent> matching = events.stream().filter(query::matches).sorted(NEWEST_FIRST).toList();
    List<AuditEvent> page = matching.subList(0, Math.min(query.limit(), matching.size()));
    Optional<AuditCursor> next =
        matching.size() > page.size() ? Optional.of(AuditCursor.after(page.get(page.size() - 1))) : Optional.empty();
    return new AuditPage(page, next);
  }

  @Override
  public synchronized AuditStats stats(Optional<Instant> from, Optional<Instant> to, int top) {
    List<AuditEvent> inRange =
        events.stream()
            .filter(e -> from.map(f -> !e.timestamp().isBefore(f)).orElse(true))
            .filter(e -> to.map(t -> e.timestamp().isBefore(t)).orElse(true))
            .toList();
    return new AuditStats(
        from,
        to,
        inRange.size(),
        countBy(inRange, e -> e.outcome().wireName(), Integer.MAX_VALUE),
        countBy(inRange, AuditEvent::action, top),
        countBy(inRange, AuditEvent::principal, top));
  }

  @Override
  public synchronized long count() {
    return events.size();
  }

  @Override
  public synchronized long deleteOldest(long max) {
    failIfTold();
    List<AuditEvent> oldest = events.stream().sorted(NEWEST_FIRST.reversed()).limit(max).toList();
    events.removeAll(oldest);
    return oldest.size();
  }

  @Override
  public synchronized long deleteOlderThan(Instant cutoff, long max) {
    failIfTold();
    List<AuditEvent> old =
        events.stream().filter(e -> e.timestamp().isBefore(cutoff)).sorted(NEWEST_FIRST.reversed()).limit(max).toList();
    events.removeAll(old);
    return old.size();
  }

  /** The stored events with their ids, in the order they were stored. */
  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }

  /** The only stored event; fails when there is not exactly one. */
  public synchronized AuditEvent single() {
    if (events.size() != 1) {
      throw new AssertionError("expected exactly one audit event but found " + events.size() + ": " + events);
    }
    return events.get(0);
  }

  /** Every later write fails with {@code e} until {@link #recover()}. */
  public synchronized void failWith(StoreUnavailableException e) {
    failure = Objects.requireNonNull(e, "'e' must not be null");
  }

  public synchronized void failWithStoreUnavailable() {
    failWith(new StoreUnavailableException("audit database unreachable (test)"));
  }

  /**
   * The next {@code writes} batch writes are stored but reported as failed, as when the database
   * connection drops after the commit.
   */
  public synchronized void loseAcknowledgementOfNextWrites(int writes) {
    lostAcknowledgements = writes;
  }

  public synchronized void recover() {
    failure = null;
  }

  private void failIfTold() {
    if (failure != null) {
      throw failure;
    }
  }

  /** Counts per key, the most frequent first, at most {@code top}; events without a key are left out. */
  private static Map<String, Long> countBy(List<AuditEvent> events, Function<AuditEvent, String> key, int top) {
    return events.stream()
        .map(key)
        .filter(Objects::nonNull)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
        .entrySet()
        .stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(top)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }
}
