package io.cloudnativemcp.domain.audit;

import java.util.Locale;

/** The seed guide's coarse status: failed covers failed authentication, denials and errors. */
public enum AuditStatus {
  SUCCESS,
  FAILED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AuditStatus fromWireName(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown status '" + name + "'; use success or failed", e);
    }
  }
}
