package io.cloudnativemcp.domain.access;

import java.util.Objects;

/** A named right outside the tools, such as {@code audit:read} or {@code keys:admin}. */
public record Permission(String value) {
  public static final Permission AUDIT_READ = new Permission("audit:read");
  public static final Permission KEYS_ADMIN = new Permission("keys:admin");
  /** Export and restore API key metadata and audit records. */
  public static final Permission BACKUP_ADMIN = new Permission("backup:admin");

  public Permission {
    Objects.requireNonNull(value, "'value' must not be null");
    if (!value.matches("[a-z*][a-z0-9*]*(:[a-z*][a-z0-9*-]*)?")) {
      throw new IllegalArgumentException("invalid permission: " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
