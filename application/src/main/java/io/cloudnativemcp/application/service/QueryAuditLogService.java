package io.cloudnativemcp.application.service;

import io.cloudnativemcp.application.port.in.QueryAuditLogCommand;
import io.cloudnativemcp.application.port.in.QueryAuditLogUseCase;
import io.cloudnativemcp.application.port.out.AuditLogRepository;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.domain.access.AccessDeniedException;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.Permission;
import io.cloudnativemcp.domain.audit.AuditCursor;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.audit.AuditPage;
import io.cloudnativemcp.domain.audit.AuditQuery;
import io.cloudnativemcp.domain.audit.AuditStats;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the audit log for principals holding {@code audit:read}. Every use, allowed or not, is
 * recorded in the audit log itself.
 */
@Dependent
public class QueryAuditLogService implements QueryAuditLogUseCase {
  /** How many tools and principals the statistics list. */
  static final int STATS_TOP = 20;

  private final AuditLogRepository repository;
  private final AccessPolicy policy;
  private final AuditTrail audit;
  private final Clock clock;

  @Inject
  public QueryAuditLogService(AuditLogRepository repository, AccessPolicy policy, AuditTrail audit, Clock clock) {
    this.repository = repository;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public AuditPage query(QueryAuditLogCommand command) {
    authorize(command, "audit.query");
    AuditPage page = repository.query(command.query());
    record(command, "audit.query", AuditOutcome.SUCCESS, null, Map.of("returned", (long) page.items().size()));
    return page;
  }

  @Override
  public AuditStats stats(QueryAuditLogCommand command, Optional<Instant> from, Optional<Instant> to) {
    authorize(command, "audit.stats");
    AuditStats stats = repository.stats(from, to, STATS_TOP);
    record(command, "audit.stats", AuditOutcome.SUCCESS, null, Map.of("total", stats.total()));
    return stats;
  }

  @Override
  public Export export(QueryAuditLogCommand command) {
    authorize(command, "audit.export");
    record(command, "audit.export", AuditOutcome.SUCCESS, null, Map.of());
    return sink -> {
      long exported = 0;
      AuditQuery query = command.query();
      while (true) {
        AuditPage page = repository.query(query);
        page.items().forEach(sink);
        exported += page.items().size();
        Optional<AuditCursor> next = page.next();
        if (next.isEmpty()) {
          return exported;
        }
        query = query.continuingAfter(next.get());
      }
    };
  }

  private void authorize(QueryAuditLogCommand command, String action) {
    if (!policy.hasPermission(command.principal(), Permission.AUDIT_READ)) {
      AccessDeniedException denied = new AccessDeniedException(command.principal().name(), Permission.AUDIT_READ);
      record(command, action, AuditOutcome.DENIED, denied.getMessage(), Map.of());
      throw denied;
    }
  }

  private void record(QueryAuditLogCommand command, String action, AuditOutcome outcome, String error, Map<String, Object> result) {
    Map<String, Object> args = new LinkedHashMap<>(filters(command.query()));
    args.putAll(result);
    audit.record(
        new AuditEvent(
            null,
            clock.instant(),
            AuditEventType.ADMIN,
            command.principal().name(),
            command.principal().authMethod().wireName(),
            command.origin().clientAddress(),
            command.origin().transport(),
            null,
            action,
            null,
            outcome,
            error,
            0,
            args));
  }

  private static Map<String, Object> filters(AuditQuery q) {
    Map<String, Object> f = new LinkedHashMap<>();
    q.status().ifPresent(v -> f.put("status", v.wireName()));
    q.outcome().ifPresent(v -> f.put("outcome", v.wireName()));
    q.principal().ifPresent(v -> f.put("user", v));
    q.tool().ifPresent(v -> f.put("tool", v));
    q.namespace().ifPresent(v -> f.put("namespace", v));
    q.authMethod().ifPresent(v -> f.put("authMethod", v));
    q.clientAddress().ifPresent(v -> f.put("clientAddress", v));
    q.from().ifPresent(v -> f.put("from", v.toString()));
    q.to().ifPresent(v -> f.put("to", v.toString()));
    f.put("limit", (long) q.limit());
    return f;
  }
}
