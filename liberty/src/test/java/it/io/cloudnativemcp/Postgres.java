package it.io.cloudnativemcp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The real PostgreSQL server the end-to-end tests audit to, one fresh schema per test class. */
final class Postgres implements AutoCloseable {
  static final String URL = env("MCP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/cnmcp_test");
  static final String USER = env("MCP_TEST_PG_USER", "cnmcp");
  static final String PASSWORD = env("MCP_TEST_PG_PASSWORD", "cnmcp-test-password");

  final String schema = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

  /** The {@code audit.database} block of config.yaml; the password comes from the environment. */
  String auditConfig() {
    return """
        audit:
          enabled: true
          storage: "database"
          database:
            type: "postgresql"
            url: "%s"
            username: "%s"
            password: "${MCP_TEST_DB_PASSWORD}"
            schema: "%s"
        """.formatted(URL, USER, schema);
  }

  List<Map<String, Object>> query(String sql, Object... params) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema, USER, PASSWORD);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= n; i++) {
            row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  long count(String where, Object... params) throws SQLException {
    return ((Number) query("select count(*) as n from audit_event where " + where, params).get(0).get("n")).longValue();
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
