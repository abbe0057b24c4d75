package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Key store in a map, in insertion order, with unique hashes as in the database; remembers every {@link #recordUse} call. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {
  /** One call of {@link #recordUse}. */
  public record RecordedUse(ApiKeyId id, Instant usedAt) {}

  private final Map<ApiKeyId, ApiKey> keys = new LinkedHashMap<>();
  private final List<RecordedUse> uses = new ArrayList<>();

  @Override
  public synchronized void save(ApiKey key) {
    Objects.requireNonNull(key, "'key' must not be null");
    // Like the database's unique index on key_hash.
    for (ApiKey other : keys.values()) {
      if (!other.id().equals(key.id()) && other.hash().hex().equals(key.hash().hex())) {
        throw new IllegalStateException("duplicate key hash (unique constraint) for " + key.id().value());
      }
    }
    keys.put(key.id(), key);
  }

  @Override
  public synchronized Optional<ApiKey> findById(ApiKeyId id) {
    return Optional.ofNullable(keys.get(id));
  }

  @Override
  public synchronized List<ApiKey> findByPrefix(String prefix) {
    return keys.values().stream().filter(k -> k.prefix().equals(prefix)).toList();
  }

  @Override
  public synchronized List<ApiKey> findByName(String name) {
    return keys.values().stream().filter(k -> k.name().equals(name)).toList();
  }

  @Override
  public synchronized List<ApiKey> findAll() {
    return List.copyOf(keys.values());
  }

  @Override
  public synchronized void delete(ApiKeyId id) {
    keys.remove(id);
  }

  @Override
  public synchronized void recordUse(ApiKeyId id, Instant usedAt) {
    uses.add(new RecordedUse(id, usedAt));
    ApiKey key = keys.get(id);
    if (key != null) {
      keys.put(id, key.markUsed(usedAt));
    }
  }

  /** Every {@link #recordUse} call, oldest first. */
  public synchronized List<RecordedUse> recordedUses() {
    return List.copyOf(uses);
  }
}
