package io.cloudnativemcp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.bootstrap.config.ConfigValues;
import io.cloudnativemcp.bootstrap.config.ConfigurationException;
import io.cloudnativemcp.bootstrap.config.YamlConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiteralSecretsTest {
  @TempDir Path dir;

  private YamlConfigSource file(String yaml) throws Exception {
    Path path = dir.resolve("config.yaml");
    Files.writeString(path, yaml);
    return new YamlConfigSource(path);
  }

  @Test
  void givenStrictAndLiteralSecrets_startup_isRefusedNamingTheKeysButNotTheValues() throws Exception {
    YamlConfigSource source =
        file(
            """
            auth:
              apiKey: "Literal-Admin-Key-2026!"
            audit:
              database:
                password: "db-password-in-the-file"
            """);

    assertThatThrownBy(() -> Configurations.reportLiteralSecrets(source, ConfigValues.of(Map.of("auth.strict", "true"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("auth.apiKey")
        .hasMessageContaining("audit.database.password")
        .hasMessageContaining("auth.strict is true")
        .hasMessageNotContaining("Literal-Admin-Key-2026!")
        .hasMessageNotContaining("db-password-in-the-file");
  }

  @Test
  void givenStrictAndReferences_startup_goesOn() throws Exception {
    YamlConfigSource source =
        file(
            """
            auth:
              apiKey: "${MCP_AUTH_API_KEY}"
            audit:
              database:
                password: "${MCP_DB_PASSWORD}"
            """);

    assertThatCode(() -> Configurations.reportLiteralSecrets(source, ConfigValues.of(Map.of("auth.strict", "true"))))
        .doesNotThrowAnyException();
  }

  @Test
  void givenALiteralSecretWithoutStrict_startup_onlyWarnsNamingTheKey() throws Exception {
    YamlConfigSource source = file("auth:\n  apiKey: \"Literal-Admin-Key-2026!\"\n");
    List<LogRecord> logged = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        logged.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger log = Logger.getLogger(Configurations.class.getName());
    log.addHandler(capture);
    try {
      assertThatCode(() -> Configurations.reportLiteralSecrets(source, ConfigValues.of(Map.of())))
          .doesNotThrowAnyException();
    } finally {
      log.removeHandler(capture);
    }

    assertThat(logged).singleElement().satisfies(r -> {
      assertThat(r.getLevel()).isEqualTo(Level.WARNING);
      assertThat(r.getMessage()).contains("auth.apiKey").doesNotContain("Literal-Admin-Key-2026!");
    });
  }
}
