package io.cloudnativemcp.adapter.out.persistence;

import io.cloudnativemcp.application.port.out.ApiKeyRepository;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyId;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence adapter: stores API key records in {@code api_key}. */
@Dependent
public class JpaApiKeyRepository implements ApiKeyRepository {
  private final JpaDatabase database;

  @Inject
  public JpaApiKeyRepository(JpaDatabase database) {
    this.database = database;
  }

  @Override
  public void save(ApiKey key) {
    database.inTransaction(
        em -> {
          ApiKeyJpaEntity row = em.find(ApiKeyJpaEntity.class, key.id().value());
          if (row == null) {
            em.persist(ApiKeyJpaMapper.toEntity(key, new ApiKeyJpaEntity()));
          } else {
            ApiKeyJpaMapper.toEntity(key, row);
          }
          return null;
        });
  }

  @Override
  public Optional<ApiKey> findById(ApiKeyId id) {
    return database.read(
        em -> Optional.ofNullable(em.find(ApiKeyJpaEntity.class, id.value())).map(ApiKeyJpaMapper::toDomain));
  }

  @Override
  public List<ApiKey> findByPrefix(String prefix) {
    return query("select k from ApiKeyJpaEntity k where k.prefix = :v order by k.createdAt", prefix);
  }

  @Override
  public List<ApiKey> findByName(String name) {
    return query("select k from ApiKeyJpaEntity k where k.name = :v order by k.createdAt", name);
  }

  @Override
  public List<ApiKey> findAll() {
    return database.read(
        em ->
            em.createQuery("select k from ApiKeyJpaEntity k order by k.createdAt", ApiKeyJpaEntity.class)
                .getResultList()
                .stream()
                .map(ApiKeyJpaMapper::toDomain)
                .toList());
  }

  @Override
  public void recordUse(ApiKeyId id, Instant usedAt) {
    database.inTransaction(
        em ->
            em.createQuery("update ApiKeyJpaEntity k set k.lastUsedAt = :t where k.id = :id")
                .setParameter("t", ApiKeyJpaMapper.utc(usedAt))
                .setParameter("id", id.value())
                .executeUpdate());
  }

  @Override
  public void delete(ApiKeyId id) {
    database.inTransaction(
        em -> em.createQuery("delete from ApiKeyJpaEntity k where k.id = :id").setParameter("id", id.value()).executeUpdate());
  }

  private List<ApiKey> query(String jpql, String value) {
    return database.read(
        em ->
            em.createQuery(jpql, ApiKeyJpaEntity.class)
                .setParameter("v", value)
                .getResultList()
                .stream()
                .map(ApiKeyJpaMapper::toDomain)
                .toList());
  }
}
