package io.cloudnativemcp.domain.tool;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ToolArgumentsTest {
  private static final ToolDescriptor LIST_TOOL =
      ToolFixtures.tool(
          "test_list",
          ToolRisk.READ_ONLY,
          ToolParameter.requiredString("kind", "Resource kind."),
          ToolParameter.optionalString("namespace", "Namespace."),
          ToolParameter.optionalInteger("limit", "Page size.", 100, 1, 500),
          ToolParameter.optionalEnum("output", "Output format.", "text", List.of("text", "json")),
          ToolParameter.optionalBoolean("includeLabels", "Show labels.", false),
          ToolParameter.stringArray("names", "Object names.", false),
          new ToolParameter("ratio", ParameterType.NUMBER, "A ratio.", false, null, null, null, null, null),
          new ToolParameter("patch", ParameterType.OBJECT, "A patch.", false, null, null, null, null, null));

  private static InvalidToolArgumentException invalid(Map<String, ?> raw) {
    return catchThrowableOfType(() -> ToolArguments.validate(LIST_TOOL, raw), InvalidToolArgumentException.class);
  }

  @Test
  void givenUnknownArgument_validate_refusesItNamingTheFieldAndTheKnownOnes() {
    InvalidToolArgumentException e = invalid(map("kind", "pods", "namepsace", "default"));

    assertThat(e.field()).isEqualTo("namepsace");
    assertThat(e.getMessage())
        .startsWith("Invalid argument 'namepsace': unknown argument")
        .contains("known: kind, namespace, limit, output, includeLabels, names, ratio, patch");
    assertThat(e.code()).isEqualTo("invalid_argument");
  }

  @Test
  void givenToolWithoutParameters_validate_saysItTakesNoArguments() {
    ToolDescriptor noArgs = ToolFixtures.readOnlyTool("test_ping");

    InvalidToolArgumentException e =
        catchThrowableOfType(() -> ToolArguments.validate(noArgs, map("x", 1)), InvalidToolArgumentException.class);

    assertThat(e.field()).isEqualTo("x");
    assertThat(e.getMessage()).contains("this tool takes no arguments");
  }

  @Test
  void givenMissingRequiredArgument_validate_refusesIt() {
    InvalidToolArgumentException e = invalid(map("namespace", "default"));

    assertThat(e.field()).isEqualTo("kind");
    assertThat(e.getMessage()).isEqualTo("Invalid argument 'kind': is required");
  }

  @Test
  void givenNullRequiredArgument_validate_refusesIt() {
    assertThat(invalid(map("kind", null)).field()).isEqualTo("kind");
  }

  @Test
  void givenNoArgumentsAtAll_validate_refusesTheRequiredOne() {
    InvalidToolArgumentException e =
        catchThrowableOfType(() -> ToolArguments.validate(LIST_TOOL, null), InvalidToolArgumentException.class);

    assertThat(e.field()).isEqualTo("kind");
  }

  static Stream<Arguments> typeErrors() {
    return Stream.of(
        Arguments.of("kind", 5, "must be a string"),
        Arguments.of("limit", "many", "must be an integer"),
        Arguments.of("limit", 2.5, "must be an integer"),
        Arguments.of("limit", true, "must be an integer"),
        Arguments.of("limit", Double.POSITIVE_INFINITY, "must be an integer"),
        Arguments.of("includeLabels", "yes", "must be true or false"),
        Arguments.of("includeLabels", 1, "must be true or false"),
        Arguments.of("names", "web-1", "must be an array"),
        Arguments.of("names", List.of("web-1", 2), "must be an array of strings"),
        Arguments.of("ratio", "half", "must be a number"),
        Arguments.of("patch", "{}", "must be an object"),
        Arguments.of("namespace", "x".repeat(4097), "is longer than 4096 characters"));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {2}")
  @MethodSource("typeErrors")
  void givenValueOfTheWrongType_validate_refusesItNamingTheField(String field, Object value, String problem) {
    Map<String, Object> raw = map("kind", "pods");
    raw.put(field, value);

    InvalidToolArgumentException e = invalid(raw);

    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).isEqualTo("Invalid argument '" + field + "': " + problem);
  }

  static Stream<Arguments> integerSpellings() {
    return Stream.of(
        Arguments.of(7, 7L),
        Arguments.of(7L, 7L),
        Arguments.of((short) 7, 7L),
        Arguments.of(5.0, 5L),
        Arguments.of(5.0f, 5L),
        Arguments.of("7", 7L),
        Arguments.of(" 42 ", 42L),
        Arguments.of(new java.math.BigDecimal("300"), 300L));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("integerSpellings")
  void givenIntegerInAnySpelling_validate_coercesItToLong(Object value, long expected) {
    ToolArguments args = ToolArguments.validate(LIST_TOOL, map("kind", "pods", "limit", value));

    assertThat(args.integer("limit")).contains(expected);
    assertThat(args.intValue("limit", -1)).isEqualTo((int) expected);
  }

  @Test
  void givenIntegerBelowMinimum_validate_refusesItWithTheBound() {
    InvalidToolArgumentException e = invalid(map("kind", "pods", "limit", 0));

    assertThat(e.field()).isEqualTo("limit");
    assertThat(e.getMessage()).isEqualTo("Invalid argument 'limit': must be at least 1 (got 0)");
  }

  @Test
  void givenIntegerAboveMaximum_validate_refusesItWithTheBound() {
    InvalidToolArgumentException e = invalid(map("kind", "pods", "limit", "501"));

    assertThat(e.getMessage()).isEqualTo("Invalid argument 'limit': must be at most 500 (got 501)");
  }

  @Test
  void givenIntegersOnTheBounds_validate_acceptsThem() {
    assertThat(ToolArguments.validate(LIST_TOOL, map("kind", "pods", "limit", 1)).integer("limit")).contains(1L);
    assertThat(ToolArguments.validate(LIST_TOOL, map("kind", "pods", "limit", 500)).integer("limit")).contains(500L);
  }

  @Test
  void givenValueOutsideTheEnum_validate_listsTheAllowedValues() {
    InvalidToolArgumentException e = invalid(map("kind", "pods", "output", "yaml"));

    assertThat(e.field()).isEqualTo("output");
    assertThat(e.getMessage()).isEqualTo("Invalid argument 'output': must be one of text, json (got 'yaml')");
  }

  @Test
  void givenValueInsideTheEnum_validate_keepsIt() {
    assertThat(ToolArguments.validate(LIST_TOOL, map("kind", "pods", "output", "json")).string("output"))
        .contains("json");
  }

  @Test
  void givenOnlyRequiredArguments_validate_fillsTheDefaults() {
    ToolArguments args = ToolArguments.validate(LIST_TOOL, map("kind", "pods"));

    assertThat(args.asMap())
        .containsExactly(
            Map.entry("kind", "pods"),
            Map.entry("limit", 100L),
            Map.entry("output", "text"),
            Map.entry("includeLabels", false));
    assertThat(args.has("namespace")).isFalse();
    assertThat(args.string("namespace")).isEmpty();
    assertThat(args.strings("names")).isEmpty();
    assertThat(args.flag("includeLabels")).isFalse();
  }

  @Test
  void givenEmptyOptionalString_validate_treatsItAsAbsent() {
    ToolArguments args = ToolArguments.validate(LIST_TOOL, map("kind", "pods", "namespace", "", "output", ""));

    assertThat(args.has("namespace")).isFalse();
    assertThat(args.string("output")).contains("text");
  }

  @Test
  void givenArrayOfStrings_validate_keepsAnImmutableCopy() {
    List<String> names = new java.util.ArrayList<>(List.of("web-1", "web-2"));

    ToolArguments args = ToolArguments.validate(LIST_TOOL, map("kind", "pods", "names", names));
    names.add("web-3");

    assertThat(args.strings("names")).containsExactly("web-1", "web-2");
  }

  @Test
  void givenBooleanSpelledAsString_validate_coercesIt() {
    assertThat(ToolArguments.validate(LIST_TOOL, map("kind", "pods", "includeLabels", "true")).flag("includeLabels"))
        .isTrue();
  }

  @Test
  void givenNumberAndObject_validate_keepsThem() {
    ToolArguments args =
        ToolArguments.validate(LIST_TOOL, map("kind", "pods", "ratio", 1, "patch", map("replicas", 3)));

    assertThat(args.asMap()).containsEntry("ratio", 1.0);
    assertThat(args.object("patch")).contains(Map.of("replicas", 3));
  }

  @Test
  void givenValidatedArguments_asMap_cannotBeChanged() {
    ToolArguments args = ToolArguments.validate(LIST_TOOL, new HashMap<>(Map.of("kind", "pods")));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> args.asMap().put("kind", "nodes"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenMissingValue_requiredString_refusesItNamingTheField() {
    ToolArguments args = ToolArguments.trusted(Map.of());

    InvalidToolArgumentException e =
        catchThrowableOfType(() -> args.requiredString("name"), InvalidToolArgumentException.class);

    assertThat(e.field()).isEqualTo("name");
  }

  @Test
  void givenArguments_toString_showsNamesButNotValues() {
    ToolArguments args = ToolArguments.validate(LIST_TOOL, map("kind", "secrets", "namespace", "vault"));

    assertThat(args.toString()).contains("kind", "namespace").doesNotContain("secrets", "vault");
  }
}
