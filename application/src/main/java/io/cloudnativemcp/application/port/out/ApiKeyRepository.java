package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyId;
import java.util.List;
import java.util.Optional;

/** Outgoing port for API key records (hashes and metadata, never plaintext keys). */
public interface ApiKeyRepository {

  /** Inserts or replaces the record with the key's id. */
  void save(ApiKey key);

  Optional<ApiKey> findById(ApiKeyId id);

  /** Keys whose prefix equals {@code prefix}: the candidates to compare a presented key with. */
  List<ApiKey> findByPrefix(String prefix);

  /** Keys of the principal {@code name}. */
  List<ApiKey> findByName(String name);

  List<ApiKey> findAll();

  /** Deletes a key record (purging expired keys when they are not kept for the audit). */
  void delete(ApiKeyId id);

  /**
   * Records that a key was used. Only the last-used time changes, so a stale copy of the key can
   * never undo a revocation made elsewhere.
   */
  void recordUse(ApiKeyId id, java.time.Instant usedAt);
}
