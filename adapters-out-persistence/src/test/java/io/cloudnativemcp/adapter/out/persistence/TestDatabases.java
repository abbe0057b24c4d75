package io.cloudnativemcp.adapter.out.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The databases the tests use: the real PostgreSQL server (settings from {@code MCP_TEST_PG_*},
 * prepared by {@code .ci/test.sh}) and embedded H2. Each test class gets a fresh schema.
 */
final class TestDatabases {
  static final String PG_URL = env("MCP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/cnmcp_test");
  static final String PG_USER = env("MCP_TEST_PG_USER", "cnmcp");
  static final String PG_PASSWORD = env("MCP_TEST_PG_PASSWORD", "cnmcp-test-password");

  private TestDatabases() {}

  static String uniqueSchema() {
    return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  }

  static DatabaseSettings postgres(String schema) {
    return new DatabaseSettings(
        DatabaseSettings.Type.POSTGRESQL, PG_URL, PG_USER, PG_PASSWORD, null, 4, Optional.of(schema));
  }

  static DatabaseSettings h2(Path dir) {
    return new DatabaseSettings(DatabaseSettings.Type.EMBEDDED, null, "sa", "", dir, 4, Optional.empty());
  }

  static void dropPostgresSchema(String schema) {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test schema " + schema, e);
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
