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
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Persistence adapter: stores and searches audit events in {@code audit_event}. */
@Dependent
public class JpaAuditLogRepository implements AuditLogRepository {
  private final JpaDatabase database;

  @Inject
  public JpaAuditLogRepository(JpaDatabase database) {
    this.database = database;
  }

  @Override
  public void write(List<AuditEvent> events, List<Completion> completions) {
    if (events.isEmpty() && completions.isEmpty()) {
      return;
    }
    database.inTransaction(
        em -> {
          for (AuditEvent e : events) {
            em.persist(AuditEventJpaMapper.toEntity(e));
          }
          for (Completion c : completions) {
            em.createQuery(
                    "update AuditEventJpaEntity a set a.outcome = :o, a.status = :s, a.error = :e, a.durationMs = :d"
                        + " where a.id = :id")
                .setParameter("o", c.outcome().name())
                .setParameter("s", c.outcome().status().name())
                .setParameter("e", c.error())
                .setParameter("d", c.durationMs())
                .setParameter("id", c.id())
                .executeUpdate();
          }
          return null;
        });
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
