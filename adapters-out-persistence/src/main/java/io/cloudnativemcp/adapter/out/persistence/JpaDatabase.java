package io.cloudnativemcp.adapter.out.persistence;

import io.cloudnativemcp.application.port.out.StoreUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The store's connection: migrates the schema with Flyway, then opens an EclipseLink persistence
 * unit with its own connection pool. Technology exceptions end here and leave as {@link
 * StoreUnavailableException}.
 */
@ApplicationScoped
public class JpaDatabase {
  static final String PERSISTENCE_UNIT = "cloudnativemcp";
  private static final Logger LOG = Logger.getLogger(JpaDatabase.class.getName());

  private DatabaseSettings settings;
  private volatile EntityManagerFactory emf;

  /** For CDI's client proxy only. */
  protected JpaDatabase() {}

  @Inject
  public JpaDatabase(DatabaseSettings settings) {
    this.settings = settings;
  }

  /** Migrates the schema and opens the pool; called once at startup, and again harmlessly. */
  public synchronized void start() {
    if (emf != null) {
      return;
    }
    try {
      if (settings.type() == DatabaseSettings.Type.EMBEDDED) {
        Files.createDirectories(settings.dataDirectory());
      }
    } catch (IOException e) {
      throw new StoreUnavailableException(
          "cannot create the data directory " + settings.dataDirectory() + ": " + e.getMessage());
    }
    try {
      migrate();
      emf = new PersistenceProvider().createEntityManagerFactory(PERSISTENCE_UNIT, properties());
      if (emf == null) {
        throw new IllegalStateException("persistence unit " + PERSISTENCE_UNIT + " not found");
      }
      // Open one connection now, so a wrong URL or password fails at startup, not on the first call.
      read(em -> em.createNativeQuery("select 1").getSingleResult());
    } catch (StoreUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unavailable("cannot open the " + describe(), e);
    }
    LOG.info("Audit and key store ready: " + describe());
  }

  private void migrate() {
    var config =
        Flyway.configure(JpaDatabase.class.getClassLoader())
            .dataSource(jdbcUrl(), settings.username(), settings.password())
            .locations("classpath:db/migration")
            // No callback scripts: skipping the search for them saves a class-path scan at startup.
            .skipDefaultCallbacks(true)
            // Flyway's default callback folder (db/callback) does not exist, and on Liberty it logs
            // an error for a missing folder; the migration folder is known to resolve.
            .callbackLocations("classpath:db/migration")
            .failOnMissingLocations(true)
            .connectRetries(2);
    settings.schema().ifPresent(s -> config.schemas(s).createSchemas(true));
    Flyway flyway = config.load();
    MigrateResult result = flyway.migrate();
    if (flyway.info().current() == null) {
      // A WAR class loader can hide the scripts from Flyway's scanner, which then reports success.
      throw new IllegalStateException("no database migrations were found on the class path");
    }
    if (result.migrationsExecuted > 0) {
      LOG.info("Applied " + result.migrationsExecuted + " database migration(s); schema version " + result.targetSchemaVersion);
    }
  }

  private static final java.util.concurrent.atomic.AtomicInteger STORES = new java.util.concurrent.atomic.AtomicInteger();

  private Map<String, Object> properties() {
    Map<String, Object> p = new HashMap<>();
    p.put(PersistenceUnitProperties.JDBC_DRIVER, settings.driverClass());
    p.put(PersistenceUnitProperties.JDBC_URL, jdbcUrl());
    p.put(PersistenceUnitProperties.JDBC_USER, settings.username() == null ? "" : settings.username());
    p.put(PersistenceUnitProperties.JDBC_PASSWORD, settings.password() == null ? "" : settings.password());
    p.put(PersistenceUnitProperties.CONNECTION_POOL_INITIAL, "1");
    p.put(PersistenceUnitProperties.CONNECTION_POOL_MIN, "1");
    p.put(PersistenceUnitProperties.CONNECTION_POOL_MAX, String.valueOf(settings.poolSize()));
    p.put(PersistenceUnitProperties.CLASSLOADER, JpaDatabase.class.getClassLoader());
    // Otherwise EclipseLink names the session (its logger and JMX bean) after the JDBC URL and user,
    // which is not a valid MBean name and puts connection details into every log line's source.
    // EclipseLink shares sessions by name, so each open store gets its own.
    p.put(PersistenceUnitProperties.SESSION_NAME, "cloud-native-mcp-server-store-" + STORES.incrementAndGet());
    return p;
  }

  String jdbcUrl() {
    String url = settings.jdbcUrl();
    if (settings.type() == DatabaseSettings.Type.POSTGRESQL && !url.contains("reWriteBatchedInserts")) {
      // The driver sends a batch of audit rows as multi-row inserts: several times the rows per second.
      url = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
    if (settings.schema().isEmpty()) {
      return url;
    }
    String schema = settings.schema().get();
    if (settings.type() == DatabaseSettings.Type.POSTGRESQL) {
      return url + "&currentSchema=" + schema;
    }
    return url + ";INIT=CREATE SCHEMA IF NOT EXISTS " + schema + "\\;SET SCHEMA " + schema;
  }

  /** Runs work in one transaction and commits it. */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager em = factory().createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(em);
      tx.commit();
      return result;
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        try {
          tx.rollback();
        } catch (RuntimeException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
      }
      throw translate(e);
    } finally {
      em.close();
    }
  }

  /** Runs read-only work. */
  public <T> T read(Function<EntityManager, T> work) {
    EntityManager em = factory().createEntityManager();
    try {
      return work.apply(em);
    } catch (RuntimeException e) {
      throw translate(e);
    } finally {
      em.close();
    }
  }

  private EntityManagerFactory factory() {
    EntityManagerFactory f = emf;
    if (f == null) {
      start();
      f = emf;
    }
    return f;
  }

  private RuntimeException translate(RuntimeException e) {
    if (e instanceof StoreUnavailableException || e instanceof io.cloudnativemcp.domain.shared.DomainException) {
      return e;
    }
    return unavailable("the " + describe() + " failed", e);
  }

  private StoreUnavailableException unavailable(String what, RuntimeException cause) {
    // The cause may quote the JDBC URL but never the password; log it for operators, answer briefly.
    LOG.log(Level.WARNING, what, cause);
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new StoreUnavailableException(what + ": " + root.getClass().getSimpleName());
  }

  private String describe() {
    return settings.type() == DatabaseSettings.Type.POSTGRESQL
        ? "PostgreSQL store"
        : "embedded store in " + settings.dataDirectory();
  }

  /** Whether a trivial query succeeds now (for readiness). */
  public boolean isReachable() {
    try {
      read(em -> em.createNativeQuery("select 1").getSingleResult());
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  public DatabaseSettings settings() {
    return settings;
  }

  @PreDestroy
  public synchronized void close() {
    if (emf != null) {
      emf.close();
      emf = null;
    }
  }
}
