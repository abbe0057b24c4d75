package io.cloudnativemcp.application.service;

import io.cloudnativemcp.application.port.in.AdminRequest;
import io.cloudnativemcp.application.port.in.BackupUseCase;
import io.cloudnativemcp.application.port.out.ApiKeyRepository;
import io.cloudnativemcp.application.port.out.AuditLogRepository;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.domain.access.AccessDeniedException;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.AccessRule;
import io.cloudnativemcp.domain.access.Permission;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.audit.AuditCursor;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.audit.AuditPage;
import io.cloudnativemcp.domain.audit.AuditQuery;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backs up and restores the server's state. Audit records are read page by page, so a backup of
 * a large trail streams instead of filling memory. Both actions are audited.
 */
@Dependent
public class BackupService implements BackupUseCase {
  static final int PAGE = 1000;
  static final int RESTORE_BATCH = 500;

  private final ApiKeyRepository keys;
  private final AuditLogRepository auditLog;
  private final AccessPolicy policy;
  private final AuditTrail audit;
  private final Clock clock;

  @Inject
  public BackupService(ApiKeyRepository keys, AuditLogRepository auditLog, AccessPolicy policy, AuditTrail audit, Clock clock) {
    this.keys = keys;
    this.auditLog = auditLog;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public Backup export(AdminRequest request) {
    authorize(request, "backup.export");
    record(request, "backup.export", AuditOutcome.SUCCESS, null, Map.of());
    return sink -> {
      keys.findAll().forEach(sink::apiKey);
      policy.rules().forEach(sink::policy);
      // Newest first, page by page: records keep their ids, so the order does not matter to a restore.
      AuditQuery query = AuditQuery.all(PAGE);
      while (true) {
        AuditPage p = auditLog.query(query);
        p.items().forEach(sink::audit);
        Optional<AuditCursor> next = p.next();
        if (next.isEmpty()) {
          return;
        }
        query = query.continuingAfter(next.get());
      }
    };
  }

  @Override
  public void authorizeRestore(AdminRequest request) {
    authorize(request, "backup.restore");
  }

  @Override
  public RestoreReport restore(AdminRequest request, BackupContents contents) {
    authorize(request, "backup.restore");
    int keysWritten = 0;
    for (ApiKey key : contents.apiKeys()) {
      boolean sameKeyElsewhere =
          keys.findByPrefix(key.prefix()).stream().anyMatch(k -> k.hash().matches(key.hash()) && !k.id().equals(key.id()));
      if (!sameKeyElsewhere) {
        keys.save(key);
        keysWritten++;
      }
    }
    int added = 0;
    int read = 0;
    List<AuditEvent> batch = new ArrayList<>(RESTORE_BATCH);
    for (AuditEvent event : contents.auditEvents()) {
      batch.add(event);
      read++;
      if (batch.size() == RESTORE_BATCH) {
        added += auditLog.restore(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      added += auditLog.restore(batch);
    }
    List<String> differences = policyDifferences(contents.policies(), policy.rules());
    RestoreReport report =
        new RestoreReport(
            keysWritten, contents.apiKeys().size() - keysWritten, added, read - added, differences.isEmpty(), differences);
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("apiKeys", (long) report.apiKeys());
    args.put("apiKeysSkipped", (long) report.apiKeysSkipped());
    args.put("auditRecords", (long) report.auditRecords());
    args.put("auditSkipped", (long) report.auditSkipped());
    args.put("policiesMatch", report.policiesMatch());
    record(request, "backup.restore", AuditOutcome.SUCCESS, null, args);
    return report;
  }

  /** Rules that are in one list and not in the other, or differ, by name. */
  static List<String> policyDifferences(List<AccessRule> backup, List<AccessRule> running) {
    Map<String, String> a = fingerprints(backup);
    Map<String, String> b = fingerprints(running);
    List<String> differ = new ArrayList<>();
    for (String name : a.keySet()) {
      if (!a.get(name).equals(b.get(name))) {
        differ.add(name);
      }
    }
    for (String name : b.keySet()) {
      if (!a.containsKey(name)) {
        differ.add(name);
      }
    }
    return differ;
  }

  private static Map<String, String> fingerprints(List<AccessRule> rules) {
    Map<String, String> out = new LinkedHashMap<>();
    for (AccessRule r : rules) {
      out.put(
          r.name(),
          String.join("|",
              r.match().users().patterns().toString(), r.match().groups().patterns().toString(), r.match().keys().patterns().toString(),
              String.valueOf(r.match().anyAuthenticated()), r.allow().tools().patterns().toString(),
              new java.util.TreeSet<>(r.allow().risks()).toString(), r.allow().namespaces().patterns().toString(),
              new java.util.TreeSet<>(r.allow().permissions().stream().map(Permission::value).toList()).toString()));
    }
    return out;
  }

  private void authorize(AdminRequest request, String action) {
    if (!policy.hasPermission(request.principal(), Permission.BACKUP_ADMIN)) {
      AccessDeniedException denied = new AccessDeniedException(request.principal().name(), Permission.BACKUP_ADMIN);
      record(request, action, AuditOutcome.DENIED, denied.getMessage(), Map.of());
      throw denied;
    }
  }

  private void record(AdminRequest request, String action, AuditOutcome outcome, String error, Map<String, Object> args) {
    audit.record(
        new AuditEvent(
            null, clock.instant(), AuditEventType.ADMIN, request.principal().name(), request.principal().authMethod().wireName(),
            request.origin().clientAddress(), request.origin().transport(), null, action, null, outcome, error, 0, args));
  }
}
