package io.cloudnativemcp.adapter.out.persistence;

import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyHash;
import io.cloudnativemcp.domain.apikey.ApiKeyId;
import io.cloudnativemcp.domain.apikey.ApiKeySource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Maps API keys to rows and back. */
final class ApiKeyJpaMapper {
  private ApiKeyJpaMapper() {}

  static ApiKeyJpaEntity toEntity(ApiKey k, ApiKeyJpaEntity row) {
    row.id = k.id().value();
    row.name = k.name();
    row.groupsCsv = k.groups().stream().sorted().collect(Collectors.joining(","));
    row.prefix = k.prefix();
    row.keyHash = k.hash().hex();
    row.source = k.source().name();
    row.createdAt = utc(k.createdAt());
    row.expiresAt = k.expiresAt().map(ApiKeyJpaMapper::utc).orElse(null);
    row.revokedAt = k.revokedAt().map(ApiKeyJpaMapper::utc).orElse(null);
    row.lastUsedAt = k.lastUsedAt().map(ApiKeyJpaMapper::utc).orElse(null);
    row.replacedBy = k.replacedBy().map(ApiKeyId::value).orElse(null);
    return row;
  }

  static ApiKey toDomain(ApiKeyJpaEntity row) {
    Set<String> groups =
        row.groupsCsv.isEmpty()
            ? Set.of()
            : new LinkedHashSet<>(Arrays.asList(row.groupsCsv.split(",")));
    return ApiKey.restore(
        new ApiKeyId(row.id),
        row.name,
        groups,
        row.prefix,
        new ApiKeyHash(row.keyHash.trim()),
        ApiKeySource.valueOf(row.source),
        row.createdAt.toInstant(),
        instant(row.expiresAt),
        instant(row.revokedAt),
        instant(row.lastUsedAt),
        row.replacedBy == null ? null : new ApiKeyId(row.replacedBy));
  }

  static OffsetDateTime utc(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
