package io.cloudnativemcp.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void givenAnObject_parse_keepsOrderTypesAndNulls() {
    Object v = JsonText.parse("{\"b\":1,\"a\":[true,null,2.5,\"x\\n\\u00e9\"],\"c\":{},\"big\":12345678901234}");

    assertThat(v).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) v;
    assertThat(m.keySet()).containsExactly("b", "a", "c", "big");
    assertThat(m.get("b")).isEqualTo(1L);
    assertThat(m.get("a")).isEqualTo(Arrays.asList(true, null, 2.5, "x\né"));
    assertThat(m.get("c")).isEqualTo(Map.of());
    assertThat(m.get("big")).isEqualTo(12345678901234L);
  }

  @Test
  void givenBrokenJson_parse_namesThePosition() {
    assertThatThrownBy(() -> JsonText.parse("{\"a\": tru}")).hasMessageContaining("position 6");
    assertThatThrownBy(() -> JsonText.parse("[1,2")).hasMessageContaining("unexpected end");
    assertThatThrownBy(() -> JsonText.parse("{} x")).hasMessageContaining("after the JSON value");
    assertThatThrownBy(() -> JsonText.parseObject("[1]")).hasMessageContaining("expected a JSON object");
  }

  @Test
  void givenHostileNesting_parse_refusesInsteadOfOverflowingTheStack() {
    String deep = "[".repeat(5000) + "]".repeat(5000);

    assertThatThrownBy(() -> JsonText.parse(deep)).hasMessageContaining("nested deeper");
  }

  @Test
  void givenValuesWithNulls_write_keepsNullsAndEscapes() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("spec", new LinkedHashMap<>(Map.of("unschedulable", "x")));
    m.put("gone", null);
    m.put("text", "quote \" backslash \\ tab \t ctl \u0001");
    m.put("list", Arrays.asList(1L, 2.0, 2.5, false));

    String json = JsonText.write(m);

    assertThat(json)
        .isEqualTo("{\"spec\":{\"unschedulable\":\"x\"},\"gone\":null,\"text\":\"quote \\\" backslash \\\\ tab \\t ctl \\u0001\",\"list\":[1,2,2.5,false]}");
    assertThat(JsonText.parse(json)).isEqualTo(JsonText.parse(JsonText.pretty(m)));
  }

  @Test
  void givenMultiByteText_utf8Length_countsBytes() {
    assertThat(JsonText.utf8Length(Map.of("k", "é€😀"))).isEqualTo("{\"k\":\"\"}".length() + 2 + 3 + 4);
  }
}
