package io.cloudnativemcp.domain.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolDescriptorTest {

  @Test
  void givenAnOutputSchema_withOutputSchema_keepsAFrozenCopy() {
    Map<String, Object> properties = new HashMap<>(Map.of("count", Map.of("type", "integer")));
    Map<String, Object> schema = new HashMap<>(Map.of("type", "object", "properties", properties));

    ToolDescriptor d = ToolFixtures.readOnlyTool("test_list").withOutputSchema(schema);
    properties.put("sneaky", Map.of());

    assertThat(d.output()).isPresent();
    assertThat(((Map<?, ?>) d.outputSchema().get("properties")).keySet()).isEqualTo(java.util.Set.of("count"));
    assertThatThrownBy(() -> d.outputSchema().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(ToolFixtures.readOnlyTool("test_text").output()).isEmpty();
  }

  @Test
  void givenASchemaThatIsNotAnObject_constructor_refuses() {
    assertThatThrownBy(() -> ToolFixtures.readOnlyTool("test_list").withOutputSchema(Map.of("type", "array")))
        .hasMessageContaining("must describe an object");
  }

  @Test
  void givenAnyAndArrayParameters_validate_checksThem() {
    ToolDescriptor d =
        ToolFixtures.tool(
            "test_patch",
            ToolRisk.MUTATING,
            ToolParameter.requiredAny("patch", "A patch."),
            ToolParameter.stringArray("command", "Argv.", false, 2),
            ToolParameter.optionalBoolean("namespaced", "Tri-state."));

    ToolArguments a = ToolArguments.validate(d, Map.of("patch", List.of(Map.of("op", "remove")), "command", List.of("ls", "-l")));
    assertThat(a.value("patch")).contains(List.of(Map.of("op", "remove")));
    assertThat(a.strings("command")).containsExactly("ls", "-l");
    assertThat(a.has("namespaced")).isFalse();
    assertThatThrownBy(() -> ToolArguments.validate(d, Map.of("patch", "{}", "command", List.of("a", "b", "c"))))
        .hasMessageContaining("'command': must have at most 2 items");
    assertThatThrownBy(() -> ToolArguments.validate(d, Map.of("patch", " ")))
        .hasMessageContaining("'patch': must not be empty");
    List<Object> mixed = new ArrayList<>(List.of("ls", 3));
    assertThatThrownBy(() -> ToolArguments.validate(d, Map.of("patch", "{}", "command", mixed)))
        .hasMessageContaining("array of strings");
    assertThat(ParameterType.ANY.jsonType()).isNull();
  }
}
