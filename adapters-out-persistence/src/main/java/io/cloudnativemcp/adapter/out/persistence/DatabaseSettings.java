package io.cloudnativemcp.adapter.out.persistence;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the audit and key store lives ({@code audit.database.*}).
 *
 * @param type embedded H2 (single node, zero setup) or PostgreSQL
 * @param url JDBC URL for PostgreSQL; ignored for the embedded store
 * @param username database user
 * @param password database password; never logged
 * @param dataDirectory directory of the embedded store's files
 * @param poolSize maximum connections
 * @param schema schema to use and create, or empty for the connection's default
 */
public record DatabaseSettings(
    Type type,
    String url,
    String username,
    String password,
    Path dataDirectory,
    int poolSize,
    Optional<String> schema) {

  /** Kind of database. */
  public enum Type {
    EMBEDDED,
    POSTGRESQL;

    public static Type fromConfig(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      return switch (v) {
        case "embedded", "h2", "sqlite" -> EMBEDDED;
        case "postgresql", "postgres" -> POSTGRESQL;
        default -> throw new IllegalArgumentException("use embedded or postgresql (got '" + value + "')");
      };
    }
  }

  public DatabaseSettings {
    Objects.requireNonNull(type, "'type' must not be null");
    schema = schema == null ? Optional.empty() : schema.filter(s -> !s.isBlank());
    if (type == Type.POSTGRESQL && (url == null || !url.startsWith("jdbc:postgresql:"))) {
      throw new IllegalArgumentException("a PostgreSQL store needs a jdbc:postgresql: URL");
    }
    if (type == Type.EMBEDDED) {
      Objects.requireNonNull(dataDirectory, "'dataDirectory' must not be null");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("the pool needs at least one connection");
    }
    schema.ifPresent(
        s -> {
          if (!s.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("invalid schema name " + s);
          }
        });
  }

  /** The JDBC URL actually used. */
  public String jdbcUrl() {
    if (type == Type.POSTGRESQL) {
      return url;
    }
    String file = dataDirectory.toAbsolutePath().resolve("cloud-native-mcp").toString();
    return "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  public String driverClass() {
    return type == Type.POSTGRESQL ? "org.postgresql.Driver" : "org.h2.Driver";
  }

  @Override
  public String toString() {
    return "DatabaseSettings[" + type + ", " + (type == Type.POSTGRESQL ? url : dataDirectory) + ", user=" + username + "]";
  }
}
