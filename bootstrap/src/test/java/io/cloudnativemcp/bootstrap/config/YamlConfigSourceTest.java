package io.cloudnativemcp.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigSourceTest {
  @TempDir Path dir;

  @Test
  void givenTheSeedGuidesBlocks_load_flattensThemToDottedKeys() throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(
        file,
        """
        server:
          mode: "sse"
          addr: "0.0.0.0:8443"
        auth:
          enabled: true
          mode: "apikey"
          apiKey: "${MCP_AUTH_API_KEY}"
        secrets:
          rotation_interval: 168
        audit:
          database:
            maxRecords: 100000
          masking:
            enabled: true
            maskValue: "***REDACTED***"
        """);

    YamlConfigSource source = new YamlConfigSource(file);

    assertThat(source.getValue("server.addr")).isEqualTo("0.0.0.0:8443");
    assertThat(source.getValue("auth.apiKey")).isEqualTo("${MCP_AUTH_API_KEY}");
    assertThat(source.getValue("auth.enabled")).isEqualTo("true");
    assertThat(source.getValue("secrets.rotation_interval")).isEqualTo("168");
    assertThat(source.getValue("audit.database.maxRecords")).isEqualTo("100000");
    assertThat(source.getValue("audit.masking.maskValue")).isEqualTo("***REDACTED***");
    assertThat(source.getOrdinal()).isEqualTo(250);
    assertThat(source.problem()).isEmpty();
  }

  @Test
  void givenLists_load_joinsScalarsAndIndexesMaps() throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(
        file,
        """
        audit:
          masking:
            fields: [ssn, "pin,code"]
        policies:
          - name: admins
            match: {groups: ["platform-admins"]}
          - name: readers
        """);

    YamlConfigSource source = new YamlConfigSource(file);

    assertThat(YamlConfigSource.splitList(source.getValue("audit.masking.fields"))).containsExactly("ssn", "pin,code");
    assertThat(source.getValue("policies[0].name")).isEqualTo("admins");
    assertThat(source.getValue("policies[0].match.groups")).isEqualTo("platform-admins");
    assertThat(source.getValue("policies[1].name")).isEqualTo("readers");
    assertThat(source.getValue("policies.size")).isEqualTo("2");
  }

  @Test
  void givenNoFile_load_hasNoPropertiesAndNoProblem() {
    YamlConfigSource source = new YamlConfigSource(dir.resolve("absent.yaml"));

    assertThat(source.fileExists()).isFalse();
    assertThat(source.getPropertyNames()).isEmpty();
    assertThat(source.problem()).isEmpty();
  }

  @Test
  void givenBrokenYaml_load_reportsTheFileInsteadOfThrowing() throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, "auth:\n  enabled: [true\n");

    YamlConfigSource source = new YamlConfigSource(file);

    assertThat(source.problem()).hasValueSatisfying(p -> assertThat(p).contains(file.toString()).contains("not valid YAML"));
  }

  @Test
  void givenEscapedCommas_splitList_keepsThem() {
    assertThat(YamlConfigSource.splitList("a, b\\,c ,, d")).isEqualTo(List.of("a", "b,c", "d"));
  }
}
