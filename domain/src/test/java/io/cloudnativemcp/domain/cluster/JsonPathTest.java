package io.cloudnativemcp.domain.cluster;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonPathTest {
  private final Map<String, Object> pod =
      map(
          "metadata", map("name", "web-1", "labels", map("app", "web", "app.kubernetes.io/name", "shop")),
          "spec",
              map(
                  "containers",
                  List.of(map("name", "app", "image", "nginx:1.27"), map("name", "proxy", "image", "envoy:1.30"))),
          "status",
              map(
                  "phase", "Running",
                  "conditions", List.of(map("type", "Ready", "status", "True"), map("type", "PodScheduled", "status", "True")),
                  "containerStatuses", List.of(map("name", "app", "restartCount", 3L), map("name", "proxy", "restartCount", 0L))));

  @Test
  void givenBarePathOrTemplate_render_selectsTheField() {
    assertThat(JsonPath.compile("status.phase").render(pod)).isEqualTo("Running");
    assertThat(JsonPath.compile(".status.phase").render(pod)).isEqualTo("Running");
    assertThat(JsonPath.compile("{.status.phase}").expression()).isEqualTo("{.status.phase}");
    assertThat(JsonPath.compile("status.phase").expression()).isEqualTo("{.status.phase}");
  }

  @Test
  void givenWildcardsIndexesAndSlices_values_selectInOrder() {
    assertThat(JsonPath.compile("{.spec.containers[*].image}").render(pod)).isEqualTo("nginx:1.27 envoy:1.30");
    assertThat(JsonPath.compile("{.spec.containers[1].name}").values(pod)).containsExactly("proxy");
    assertThat(JsonPath.compile("{.spec.containers[-1].name}").values(pod)).containsExactly("proxy");
    assertThat(JsonPath.compile("{.spec.containers[0:1].name}").values(pod)).containsExactly("app");
    assertThat(JsonPath.compile("{..image}").values(pod)).containsExactly("nginx:1.27", "envoy:1.30");
    assertThat(JsonPath.compile("{.metadata.labels['app.kubernetes.io/name']}").values(pod)).containsExactly("shop");
  }

  @Test
  void givenFilters_values_keepMatchingItems() {
    assertThat(JsonPath.compile("{.status.conditions[?(@.type==\"Ready\")].status}").values(pod)).containsExactly("True");
    assertThat(JsonPath.compile("{.status.containerStatuses[?(@.restartCount>0)].name}").values(pod)).containsExactly("app");
    assertThat(JsonPath.compile("{.status.containerStatuses[?(@.restartCount)].name}").values(pod)).as("existence, as kubectl").containsExactly("app", "proxy");
    assertThat(JsonPath.compile("{.spec.containers[?(@.name!='app')].image}").values(pod)).containsExactly("envoy:1.30");
  }

  @Test
  void givenRangeAndLiterals_render_formatsLikeKubectl() {
    Map<String, Object> list = map("items", List.of(pod, map("metadata", map("name", "web-2"), "status", map("phase", "Pending"))));

    JsonPath p = JsonPath.compile("{range .items[*]}{.metadata.name}{\"\\t\"}{.status.phase}{\"\\n\"}{end}");

    assertThat(p.render(list)).isEqualTo("web-1\tRunning\nweb-2\tPending\n");
    assertThat(p.readsItems()).isTrue();
    assertThat(JsonPath.compile("{.metadata}").render(map("metadata", map("a", 1L)))).isEqualTo("{\"a\":1}");
  }

  @Test
  void givenMissingFields_values_isEmptyNotAnError() {
    assertThat(JsonPath.compile("{.spec.nodeName}").values(pod)).isEmpty();
    assertThat(JsonPath.compile("{.spec.containers[7].name}").values(pod)).isEmpty();
    assertThat(JsonPath.compile("{.status.phase.deeper}").values(pod)).isEmpty();
  }

  @Test
  void givenBrokenExpressions_compile_explainsWhere() {
    assertThatThrownBy(() -> JsonPath.compile("{.status.phase")).hasMessageContaining("unclosed '{'");
    assertThatThrownBy(() -> JsonPath.compile("{range .items[*]}{.a}")).hasMessageContaining("{range} without {end}");
    assertThatThrownBy(() -> JsonPath.compile("{.items[abc]}")).hasMessageContaining("expected an index");
    assertThatThrownBy(() -> JsonPath.compile("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> JsonPath.compile("x".repeat(3000))).hasMessageContaining("longer than");
  }
}
