package io.cloudnativemcp.domain.cluster;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Name matching, quantities, selectors, patch types and the small value types of the cluster port. */
class SmallRulesTest {

  @Test
  void givenEachSearchMode_matches_followsIt() {
    assertThat(NameMatcher.of("contains", "WEB", false).matches("shop-web-1")).isTrue();
    assertThat(NameMatcher.of("contains", "WEB", true).matches("shop-web-1")).isFalse();
    assertThat(NameMatcher.of("startsWith", "shop", false).matches("shop-web-1")).isTrue();
    assertThat(NameMatcher.of("endsWith", "-1", false).matches("shop-web-1")).isTrue();
    assertThat(NameMatcher.of("exact", "shop-web-1", false).matches("shop-web-12")).isFalse();
    assertThat(NameMatcher.of("regex", "^shop-(web|api)-\\d$", false).matches("shop-api-3")).isTrue();
    assertThat(NameMatcher.of("contains", "", false).matches("anything")).isTrue();
    assertThatThrownBy(() -> NameMatcher.of("regex", "([", false)).hasMessageContaining("invalid regular expression");
    assertThatThrownBy(() -> NameMatcher.of("fuzzy", "x", false)).hasMessageContaining("contains, startsWith");
  }

  @Test
  void givenQuantities_parse_readsKubernetesSuffixes() {
    assertThat(Quantities.milliCores("250m")).isEqualTo(250);
    assertThat(Quantities.milliCores("2")).isEqualTo(2000);
    assertThat(Quantities.milliCores("1500000n")).isEqualTo(2);
    assertThat(Quantities.bytes("128Mi")).isEqualTo(128L * 1024 * 1024);
    assertThat(Quantities.bytes("1G")).isEqualTo(1_000_000_000L);
    assertThat(Quantities.bytes("5e6")).isEqualTo(5_000_000L);
    assertThat(Quantities.bytes("lots")).isEqualTo(-1);
    assertThat(Quantities.formatBytes(3L * 1024 * 1024 * 1024)).isEqualTo("3072Mi");
    assertThat(Quantities.formatMilliCores(250)).isEqualTo("250m");
  }

  @Test
  void givenSelectorObjects_render_writesSelectorText() {
    assertThat(LabelSelectors.render(map("app", "web"))).contains("app=web");
    assertThat(LabelSelectors.render(map("matchLabels", map("app", "web"), "matchExpressions", List.of(
        map("key", "tier", "operator", "In", "values", List.of("a", "b")),
        map("key", "canary", "operator", "DoesNotExist")))))
        .contains("app=web,tier in (a,b),!canary");
    assertThat(LabelSelectors.render(map())).isEmpty();
  }

  @Test
  void givenPatchTypeNames_fromWireName_mapsThemAndRefusesOthers() {
    assertThat(PatchType.fromWireName("merge")).isEqualTo(PatchType.MERGE);
    assertThat(PatchType.fromWireName("Strategic")).isEqualTo(PatchType.STRATEGIC);
    assertThatThrownBy(() -> PatchType.fromWireName("replace")).hasMessageContaining("merge, json, strategic, apply");
  }

  @Test
  void givenValueTypes_constructors_normalise() {
    assertThat(new ApiResource("apps", "v1", "Deployment", "deployments", null, true, null, null).singular()).isEqualTo("deployment");
    assertThat(new ApiResource("apps", "v1", "Deployment", "deployments", null, true, null, null).qualifiedName()).isEqualTo("deployments.apps");
    assertThat(new ApiResource("", "v1", "Pod", "pods", null, true, null, List.of("get")).supports("delete")).isFalse();
    assertThat(ClusterTarget.caller(java.util.Optional.of(" "), "alice", java.util.Set.of("dev")).context()).isEmpty();
    assertThatThrownBy(() -> new ExecRequest("ns", "p", null, List.of(), java.time.Duration.ofSeconds(1)))
        .hasMessageContaining("'command' must not be empty");
    assertThatThrownBy(() -> new DeleteOptions(java.util.Optional.of(-1L), null)).hasMessageContaining("negative");
  }
}
