package io.cloudnativemcp.domain.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a page of audit records ended: the last record's time and id. Records are ordered newest
 * first by (time, id), which stays stable while new records arrive and across replicas.
 */
public record AuditCursor(Instant timestamp, long id) {
  public AuditCursor {
    Objects.requireNonNull(timestamp, "'timestamp' must not be null");
  }

  public static AuditCursor after(AuditEvent last) {
    return new AuditCursor(last.timestamp(), last.id());
  }

  /** An opaque token for the API. */
  public String encode() {
    String raw = timestamp.getEpochSecond() + "." + timestamp.getNano() + "." + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  /** @throws IllegalArgumentException when the token is not one this server made */
  public static AuditCursor decode(String token) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
      String[] parts = raw.split("\\.");
      if (parts.length != 3) {
        throw new IllegalArgumentException("malformed cursor");
      }
      return new AuditCursor(
          Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), Long.parseLong(parts[2]));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid cursor: use the nextCursor value of a previous page", e);
    }
  }
}
