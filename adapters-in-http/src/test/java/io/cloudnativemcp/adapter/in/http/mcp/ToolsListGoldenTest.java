package io.cloudnativemcp.adapter.in.http.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.service.tool.ToolHarness;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code tools/list} as clients see it (names, titles, descriptions, input and output schemas,
 * annotations), compared with a committed golden file so that any change to a tool's contract shows
 * in review. After an intended change, regenerate it with
 * {@code ./mvnw -o test -pl adapters-in-http -am -Dtest=ToolsListGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true}
 * and commit the file.
 */
class ToolsListGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/tools-list.json");

  static String toolsListJson() {
    List<McpSchema.Tool> tools =
        ToolHarness.catalog(new FakeClusterGateway(), new MutableClock(Instant.parse("2026-01-01T00:00:00Z"))).descriptors().stream()
            .map(ToolSchemas::toMcp)
            .toList();
    JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    return json.writeValueAsString(Map.of("tools", tools)).replace("\r\n", "\n") + "\n";
  }

  @Test
  void givenTheCatalog_toolsList_matchesTheGoldenFile() throws IOException {
    String actual = toolsListJson();
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(GOLDEN))
        .as("The golden file %s is missing. Generate it with -Dgolden.update=true (see this class's Javadoc) and commit it.", GOLDEN)
        .isTrue();
    String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);
    assertThat(actual)
        .as(
            "tools/list differs from %s. If the change is intended, regenerate the file with"
                + " ./mvnw -o test -pl adapters-in-http -am -Dtest=ToolsListGoldenTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dgolden.update=true and commit it.",
            GOLDEN)
        .isEqualTo(expected);
  }

  @Test
  void givenTheGoldenFile_itListsFortyToolsWithAnnotationsAndOutputSchemas() throws IOException {
    String json = toolsListJson();

    assertThat(json.split("\"name\" : \"(kubernetes|helm|openshift)_", -1)).hasSize(41);
    assertThat(json.split("\"outputSchema\" :", -1)).hasSize(41);
    assertThat(json.split("\"destructiveHint\" : true", -1)).hasSize(5);
  }
}
