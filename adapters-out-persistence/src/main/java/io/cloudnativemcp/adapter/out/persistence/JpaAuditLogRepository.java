package io.cloudnativemcp.adapter.out.persistence;

import io.cloudnativemcp.application.port.out.AuditLogRepository;
import io.cloudnativemcp.domain.audit.AuditCursor;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditPage;
import io.cloudnativemcp.domain.audit.AuditQuery;
import io.cloudnativemcp.domain.audit.AuditStats;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Persistence adapter: stores and searches audit events in {@code audit_event}. */
@Dependent
public class JpaAuditLogRepository implements AuditLogRepository {
  private final JpaDatabase database;

  @Inject
  public JpaAuditLogRepository(JpaDatabase database) {
    this.database = database;
  }

  /** New rows take their ids from the entity's sequence, as EclipseLink's inserts do. */
  static final String INSERT =
      "insert into audit_event (id, occurred_at, event_type, principal, auth_method, client_address, transport, session_id,"
          + " action, namespace, outcome, status, error, duration_ms, arguments)"
          + " values (nextval('audit_event_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final Duration BATCH_KEY_LIFETIME = Duration.ofDays(1);
  private static final Duration BATCH_KEY_SWEEP = Duration.ofMinutes(10);
  private static final AtomicLong lastSweep = new AtomicLong();

  static final String COMPLETE = "update audit_event set outcome = ?, status = ?, error = ?, duration_ms = ? where id = ?";

  /**
   * Writes a batch in one transaction with JDBC batches rather than one persisted entity per
   * row: the audit trail's writer hands over up to a few hundred records at a time, and the
   * entity path cost about five times as much per row (EclipseLink's unit of work and change
   * sets for objects that are never read back).
   */
  @Override
  public void write(String batchKey, List<AuditEvent> events, List<Completion> completions) {
    if (events.isEmpty() && completions.isEmpty()) {
      return;
    }
    database.inTransaction(
        em -> {
          Connection connection = em.unwrap(Connection.class);
          try {
            if (!claim(connection, batchKey)) {
              return null;
            }
            if (!events.isEmpty()) {
              try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (AuditEvent e : events) {
                  if (e.id() != null) {
                    em.persist(AuditEventJpaMapper.toEntity(e));
                    continue;
                  }
                  bind(insert, AuditEventJpaMapper.toEntity(e));
                  insert.addBatch();
                }
                insert.executeBatch();
              }
            }
            if (!completions.isEmpty()) {
              try (PreparedStatement update = connection.prepareStatement(COMPLETE)) {
                for (Completion c : completions) {
                  update.setString(1, c.outcome().name());
                  update.setString(2, c.outcome().status().name());
                  update.setString(3, c.error());
                  update.setLong(4, c.durationMs());
                  update.setLong(5, c.id());
                  update.addBatch();
                }
                update.executeBatch();
              }
            }
          } catch (SQLException e) {
            throw new PersistenceException("audit batch write failed", e);
          }
          return null;
        });
  }

  /**
   * Records the batch key in the batch's own transaction; false when it is already there (an
   * earlier attempt committed). Old keys are swept now and then: retries happen within minutes.
   */
  private static boolean claim(Connection connection, String batchKey) throws SQLException {
    try (PreparedStatement seen = connection.prepareStatement("select 1 from audit_write_batch where batch_key = ?")) {
      seen.setString(1, batchKey);
      try (ResultSet rs = seen.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    Instant now = Instant.now();
    try (PreparedStatement insert = connection.prepareStatement("insert into audit_write_batch (batch_key, written_at) values (?, ?)")) {
      insert.setString(1, batchKey);
      insert.setObject(2, now.atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    }
    long last = lastSweep.get();
    if (now.toEpochMilli() - last > BATCH_KEY_SWEEP.toMillis() && lastSweep.compareAndSet(last, now.toEpochMilli())) {
      try (PreparedStatement sweep = connection.prepareStatement("delete from audit_write_batch where written_at < ?")) {
        sweep.setObject(1, now.minus(BATCH_KEY_LIFETIME).atOffset(ZoneOffset.UTC));
        sweep.executeUpdate();
      }
    }
    return true;
  }

  private static void bind(PreparedStatement insert, AuditEventJpaEntity row) throws SQLException {
    insert.setObject(1, row.occurredAt);
    insert.setString(2, row.eventType);
    insert.setString(3, row.principal);
    insert.setString(4, row.authMethod);
    insert.setString(5, row.clientAddress);
    insert.setString(6, row.transport);
    insert.setString(7, row.sessionId);
    insert.setString(8, row.action);
    insert.setString(9, row.namespace);
    insert.setString(10, row.outcome);
    insert.setString(11, row.status);
    insert.setString(12, row.error);
    insert.setLong(13, row.durationMs);
    insert.setString(14, row.arguments);
  }

  @Override
  public AuditEvent append(AuditEvent event) {
    return database.inTransaction(
        em -> {
          AuditEventJpaEntity row = AuditEventJpaMapper.toEntity(event);
          em.persist(row);
          em.flush();
          return event.withId(row.id);
        });
  }

  @Override
  public AuditPage query(AuditQuery q) {
    return database.read(
        em -> {
          StringBuilder jpql = new StringBuilder("select a from AuditEventJpaEntity a where 1 = 1");
          Map<String, Object> params = new LinkedHashMap<>();
          where(q, jpql, params);
          q.after()
              .ifPresent(
                  c -> {
                    jpql.append(" and (a.occurredAt < :ct or (a.occurredAt = :ct and a.id < :cid))");
                    params.put("ct", c.timestamp().atOffset(ZoneOffset.UTC));
                    params.put("cid", c.id());
                  });
          jpql.append(" order by a.occurredAt desc, a.id desc");
          TypedQuery<AuditEventJpaEntity> query = em.createQuery(jpql.toString(), AuditEventJpaEntity.class);
          params.forEach(query::setParameter);
          // One more than asked tells whether there is a next page.
          List<AuditEventJpaEntity> rows = query.setMaxResults(q.limit() + 1).getResultList();
          List<AuditEvent> items = new ArrayList<>(Math.min(rows.size(), q.limit()));
          for (int i = 0; i < Math.min(rows.size(), q.limit()); i++) {
            items.add(AuditEventJpaMapper.toDomain(rows.get(i)));
          }
          Optional<AuditCursor> next =
              rows.size() > q.limit() ? Optional.of(AuditCursor.after(items.get(items.size() - 1))) : Optional.empty();
          return new AuditPage(items, next);
        });
  }

  private static void where(AuditQuery q, StringBuilder jpql, Map<String, Object> params) {
    q.status().ifPresent(v -> eq(jpql, params, "status", v.name()));
    q.outcome().ifPresent(v -> eq(jpql, params, "outcome", v.name()));
    q.principal().ifPresent(v -> eq(jpql, params, "principal", v));
    q.tool().ifPresent(v -> eq(jpql, params, "action", v));
    q.namespace().ifPresent(v -> eq(jpql, params, "namespace", v));
    q.authMethod().ifPresent(v -> eq(jpql, params, "authMethod", v.toLowerCase(Locale.ROOT)));
    q.clientAddress().ifPresent(v -> eq(jpql, params, "clientAddress", v));
    range(q.from(), q.to(), jpql, params);
  }

  private static void eq(StringBuilder jpql, Map<String, Object> params, String field, Object value) {
    jpql.append(" and a.").append(field).append(" = :").append(field);
    params.put(field, value);
  }

  private static void range(Optional<Instant> from, Optional<Instant> to, StringBuilder jpql, Map<String, Object> params) {
    from.ifPresent(
        f -> {
          jpql.append(" and a.occurredAt >= :fromTime");
          params.put("fromTime", f.atOffset(ZoneOffset.UTC));
        });
    to.ifPresent(
        t -> {
          jpql.append(" and a.occurredAt < :toTime");
          params.put("toTime", t.atOffset(ZoneOffset.UTC));
        });
  }

  @Override
  public AuditStats stats(Optional<Instant> from, Optional<Instant> to, int top) {
    return database.read(
        em -> {
          Map<String, Long> byOutcome = group(em, "a.outcome", from, to, Integer.MAX_VALUE, true);
          long total = byOutcome.values().stream().mapToLong(Long::longValue).sum();
          return new AuditStats(
              from, to, total, byOutcome, group(em, "a.action", from, to, top, false), group(em, "a.principal", from, to, top, false));
        });
  }

  private static Map<String, Long> group(
      EntityManager em, String field, Optional<Instant> from, Optional<Instant> to, int top, boolean lowerCase) {
    StringBuilder jpql = new StringBuilder("select " + field + ", count(a) from AuditEventJpaEntity a where 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    range(from, to, jpql, params);
    jpql.append(" group by ").append(field).append(" order by count(a) desc");
    TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
    params.forEach(query::setParameter);
    if (top < Integer.MAX_VALUE) {
      query.setMaxResults(top);
    }
    Map<String, Long> out = new LinkedHashMap<>();
    for (Object[] row : query.getResultList()) {
      String key = row[0] == null ? "(none)" : String.valueOf(row[0]);
      out.put(lowerCase ? key.toLowerCase(Locale.ROOT) : key, ((Number) row[1]).longValue());
    }
    return out;
  }

  @Override
  public long count() {
    return database.read(
        em -> em.createQuery("select count(a) from AuditEventJpaEntity a", Long.class).getSingleResult());
  }

  @Override
  public int restore(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return 0;
    }
    return database.inTransaction(
        em -> {
          List<java.time.OffsetDateTime> times =
              events.stream().map(e -> e.timestamp().atOffset(ZoneOffset.UTC)).distinct().toList();
          java.util.Set<String> present = new java.util.HashSet<>();
          em.createQuery("select a from AuditEventJpaEntity a where a.occurredAt in :times", AuditEventJpaEntity.class)
              .setParameter("times", times)
              .getResultList()
              .forEach(row -> present.add(fingerprint(AuditEventJpaMapper.toDomain(row))));
          int added = 0;
          for (AuditEvent e : events) {
            if (present.add(fingerprint(e))) {
              AuditEventJpaEntity row = AuditEventJpaMapper.toEntity(e);
              row.id = null; // ids are local to an installation
              em.persist(row);
              added++;
            }
          }
          return added;
        });
  }

  /** What makes two audit records the same record, whatever their ids. */
  static String fingerprint(AuditEvent e) {
    return String.join("|", e.timestamp().toString(), e.type().name(), String.valueOf(e.principal()), String.valueOf(e.authMethod()),
        String.valueOf(e.clientAddress()), String.valueOf(e.transport()), String.valueOf(e.sessionId()), e.action(),
        String.valueOf(e.namespace()), e.outcome().name(), String.valueOf(e.durationMs()));
  }

  @Override
  public long deleteOldest(long max) {
    if (max < 1) {
      return 0;
    }
    // A bounded sub-select deletes one batch: short transactions, no table lock, writers go on.
    return database.inTransaction(
        em ->
            (long)
                em.createNativeQuery(
                        "delete from audit_event where id in"
                            + " (select id from audit_event order by occurred_at, id limit ?1)")
                    .setParameter(1, max)
                    .executeUpdate());
  }

  @Override
  public long deleteOlderThan(Instant cutoff, long max) {
    if (max < 1) {
      return 0;
    }
    return database.inTransaction(
        em ->
            (long)
                em.createNativeQuery(
                        "delete from audit_event where id in (select id from audit_event"
                            + " where occurred_at < ?1 order by occurred_at, id limit ?2)")
                    .setParameter(1, cutoff.atOffset(ZoneOffset.UTC))
                    .setParameter(2, max)
                    .executeUpdate());
  }
}
