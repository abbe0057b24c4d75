package io.cloudnativemcp.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/** The repositories against the embedded H2 store, the zero-setup default. */
class H2JpaRepositoryIT extends JpaRepositoryContract {
  @TempDir Path dataDir;

  @Override
  DatabaseSettings settings() {
    return TestDatabases.h2(dataDir);
  }

  @Test
  void givenAnEmptyDirectory_start_createsTheStoreFilesThere() throws Exception {
    try (var files = Files.list(dataDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("cloud-native-mcp"));
    }
  }
}
