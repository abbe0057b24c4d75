package io.cloudnativemcp.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.port.out.StoreUnavailableException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The repositories against the real PostgreSQL server on 127.0.0.1:5432. */
class PostgresJpaRepositoryIT extends JpaRepositoryContract {
  private final String schema = TestDatabases.uniqueSchema();

  @Override
  DatabaseSettings settings() {
    return TestDatabases.postgres(schema);
  }

  @Override
  void cleanUp() {
    TestDatabases.dropPostgresSchema(schema);
  }

  @Test
  void givenAWrongPassword_start_failsWithoutRevealingThePassword() {
    String password = "wrong-Pa55word-that-must-not-leak";
    JpaDatabase db =
        new JpaDatabase(
            new DatabaseSettings(
                DatabaseSettings.Type.POSTGRESQL,
                "jdbc:postgresql://127.0.0.1:1/cnmcp_test",
                "cnmcp",
                password,
                null,
                1,
                Optional.of(TestDatabases.uniqueSchema())));

    assertThatThrownBy(db::start)
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("PostgreSQL store")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password));
  }
}
