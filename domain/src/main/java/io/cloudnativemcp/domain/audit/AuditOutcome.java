package io.cloudnativemcp.domain.audit;

import java.util.Locale;

/**
 * The precise outcome of an audited action. {@link #status()} folds it into the seed guide's
 * two-valued {@code status} (success or failed).
 */
public enum AuditOutcome {
  /** The action completed. */
  SUCCESS,
  /** The caller's request could not be honoured: bad credentials, invalid arguments, not found. */
  FAILED,
  /** The access policy refused the action; the cluster was not touched. */
  DENIED,
  /** The server or the cluster failed (unreachable API server, unexpected error). */
  ERROR,
  /** A mutating call was recorded before it touched the cluster and has not completed yet. */
  PENDING;

  public AuditStatus status() {
    return this == SUCCESS || this == PENDING ? AuditStatus.SUCCESS : AuditStatus.FAILED;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AuditOutcome fromWireName(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown outcome '" + name + "'; use success, failed, denied, error or pending", e);
    }
  }
}
