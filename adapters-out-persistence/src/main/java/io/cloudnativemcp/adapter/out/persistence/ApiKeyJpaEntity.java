package io.cloudnativemcp.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Row of {@code api_key}: metadata, prefix and SHA-256 hash; never the key itself. */
@Entity
@Table(name = "api_key")
class ApiKeyJpaEntity {
  @Id String id;

  @Column(nullable = false)
  String name;

  @Column(name = "groups_csv", nullable = false)
  String groupsCsv;

  @Column(nullable = false)
  String prefix;

  @Column(name = "key_hash", nullable = false)
  String keyHash;

  @Column(nullable = false)
  String source;

  @Column(name = "created_at", nullable = false)
  OffsetDateTime createdAt;

  @Column(name = "expires_at")
  OffsetDateTime expiresAt;

  @Column(name = "revoked_at")
  OffsetDateTime revokedAt;

  @Column(name = "last_used_at")
  OffsetDateTime lastUsedAt;

  @Column(name = "replaced_by")
  String replacedBy;

  ApiKeyJpaEntity() {}
}
