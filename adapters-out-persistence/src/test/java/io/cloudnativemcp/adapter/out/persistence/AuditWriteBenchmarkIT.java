package io.cloudnativemcp.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * How many audit rows per second the audit port writes to PostgreSQL, in the batches the audit
 * trail's writer hands it (bench/run.sh; skipped in the normal test run). Bounded in count.
 */
class AuditWriteBenchmarkIT {
  static final int BATCH = 100;

  @Test
  void auditRowsPerSecond() throws IOException {
    Assumptions.assumeTrue(Boolean.getBoolean("bench.enabled"), "run with -Dbench.enabled=true (bench/run.sh)");
    int rows = Integer.getInteger("bench.auditRows", 100_000);
    String schema = TestDatabases.uniqueSchema();
    JpaDatabase database = new JpaDatabase(TestDatabases.postgres(schema));
    try {
      database.start();
      JpaAuditLogRepository audit = new JpaAuditLogRepository(database);
      // Warm-up: class loading, statement preparation, the JIT.
      write(audit, 20_000);
      long started = System.nanoTime();
      write(audit, rows);
      double seconds = (System.nanoTime() - started) / 1e9;
      long stored = audit.count();
      String line = String.format("audit port (PostgreSQL)      %6.0f rows/s (%d rows in batches of %d in %.2f s)%n", rows / seconds, rows, BATCH, seconds);
      System.out.print("\n[bench] " + line);
      Files.writeString(Path.of(System.getProperty("bench.output", "target/bench-audit.txt")), line);
      assertThat(stored).isEqualTo(rows + 20_000L);
    } finally {
      database.close();
      TestDatabases.dropPostgresSchema(schema);
    }
  }

  private static void write(JpaAuditLogRepository audit, int rows) {
    Instant now = Instant.now();
    for (int done = 0; done < rows; done += BATCH) {
      List<AuditEvent> batch = new ArrayList<>(BATCH);
      for (int i = 0; i < BATCH; i++) {
        batch.add(
            new AuditEvent(
                null, now, AuditEventType.TOOL_CALL, "bench-user", "apikey", "10.0.0.7", "streamable-http", "session-1",
                "kubernetes_list_resources_summary", "team-a", AuditOutcome.SUCCESS, null, 4,
                Map.of("kind", "pods", "namespace", "team-a")));
      }
      audit.write(batch, List.of());
    }
  }
}
