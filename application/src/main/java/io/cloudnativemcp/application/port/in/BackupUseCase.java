package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.access.AccessRule;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.audit.AuditEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * Use case: backing up and restoring what the server keeps (needs {@code backup:admin}): API key
 * records (hashes and metadata, never a key), the access policy in force, and the audit trail.
 * Policies live in config.yaml; a backup carries them so that a restore can say whether the
 * running configuration matches.
 *
 * @throws io.cloudnativemcp.domain.access.AccessDeniedException without {@code backup:admin}
 */
public interface BackupUseCase {

  /** Authorizes and audits now; the records are read when the backup is written. */
  Backup export(AdminRequest request);

  /**
   * Refuses (and audits the refusal) when the caller may not restore: checked before a backup
   * file is even read, so that nobody without {@code backup:admin} can make the server store one.
   */
  void authorizeRestore(AdminRequest request);

  /** Restores keys (by id, replacing) and audit records (by id, skipping those present). */
  RestoreReport restore(AdminRequest request, BackupContents contents);

  /** An authorized export, written to a sink. */
  interface Backup {
    void writeTo(Sink sink);
  }

  /** Where an export goes, item by item. */
  interface Sink {
    void apiKey(ApiKey key);

    void policy(AccessRule rule);

    void audit(AuditEvent event);
  }

  /**
   * What a backup file held. The audit records are read as they are restored (a backup of a full
   * trail holds hundreds of thousands), so they need not fit in memory at once.
   */
  record BackupContents(List<ApiKey> apiKeys, List<AccessRule> policies, Iterable<AuditEvent> auditEvents) {
    public BackupContents {
      apiKeys = List.copyOf(apiKeys);
      policies = List.copyOf(policies);
      java.util.Objects.requireNonNull(auditEvents, "'auditEvents' must not be null");
    }
  }

  /**
   * What a restore did.
   *
   * @param apiKeys key records written
   * @param apiKeysSkipped key records whose key is already stored under another id (for example
   *     the bootstrap administrator's key, configured on both installations)
   * @param auditRecords audit records added
   * @param auditSkipped audit records already present
   * @param policiesMatch whether the backup's policies equal the running ones (by name and grants)
   * @param policyDifferences names of the rules that differ
   */
  record RestoreReport(
      int apiKeys, int apiKeysSkipped, int auditRecords, int auditSkipped, boolean policiesMatch, List<String> policyDifferences) {
    public RestoreReport {
      policyDifferences = List.copyOf(policyDifferences);
    }
  }

  /** For a sink that only wants some items. */
  static Sink sink(Consumer<ApiKey> keys, Consumer<AccessRule> rules, Consumer<AuditEvent> events) {
    return new Sink() {
      @Override
      public void apiKey(ApiKey key) {
        keys.accept(key);
      }

      @Override
      public void policy(AccessRule rule) {
        rules.accept(rule);
      }

      @Override
      public void audit(AuditEvent event) {
        events.accept(event);
      }
    };
  }
}
