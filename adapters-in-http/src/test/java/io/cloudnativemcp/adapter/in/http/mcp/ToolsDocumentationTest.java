package io.cloudnativemcp.adapter.in.http.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.service.tool.ToolHarness;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/tools.md names every tool, its risk and every parameter, in the tool's own section. */
class ToolsDocumentationTest {
  static final Path DOC = Path.of("../docs/tools.md");

  @Test
  void givenTheCatalog_toolsDoc_documentsEveryToolAndParameter() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    for (ToolDescriptor d : ToolHarness.catalog(new FakeClusterGateway(), new MutableClock(Instant.EPOCH)).descriptors()) {
      String heading = "### `" + d.name() + "`";
      int start = doc.indexOf(heading);
      if (start < 0) {
        missing.add(d.name().value());
        continue;
      }
      int end = doc.indexOf("\n### ", start + heading.length());
      String section = doc.substring(start, end < 0 ? doc.length() : end);
      String risk = d.readOnly() ? "read-only" : d.destructive() ? "destructive" : "mutating";
      if (!section.contains(risk)) {
        missing.add(d.name() + " risk " + risk);
      }
      for (ToolParameter p : d.parameters()) {
        if (!section.contains("| `" + p.name() + "`")) {
          missing.add(d.name() + "." + p.name());
        }
      }
    }
    assertThat(missing).as("undocumented in %s", DOC).isEmpty();
  }
}
