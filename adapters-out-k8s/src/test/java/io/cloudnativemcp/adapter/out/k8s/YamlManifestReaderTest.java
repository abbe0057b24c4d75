package io.cloudnativemcp.adapter.out.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlManifestReaderTest {
  private final YamlManifestReader reader = new YamlManifestReader();

  @Test
  void givenMultiDocumentYaml_read_returnsPlainMapsWithLongs() {
    List<Map<String, Object>> docs =
        reader.read("""
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cfg}
            data:
              retries: "3"
            ---
            # empty documents are skipped
            ---
            apiVersion: apps/v1
            kind: Deployment
            spec:
              replicas: 2
            """);

    assertThat(docs).hasSize(2);
    assertThat(docs.get(0)).containsEntry("kind", "ConfigMap");
    assertThat(docs.get(1)).containsEntry("spec", Map.of("replicas", 2L));
  }

  @Test
  void givenHostileYaml_read_refusesTypesAliasesAndBrokenSyntax() {
    assertThatThrownBy(() -> reader.read("!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]"))
        .isInstanceOf(IllegalArgumentException.class);
    String bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n".repeat(1)
        + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n";
    assertThatThrownBy(() -> reader.read(bomb)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> reader.read("kind: [unclosed")).hasMessageContaining("line");
    assertThatThrownBy(() -> reader.read("- just\n- a list\n")).hasMessageContaining("not an object");
    assertThatThrownBy(() -> reader.read("a: 1\na: 2\n")).isInstanceOf(IllegalArgumentException.class);
  }
}
