package io.cloudnativemcp.application.service.render;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YamlWriterTest {

  @ParameterizedTest(name = "[{index}] <{0}> stays plain")
  @ValueSource(
      strings = {
        "web-1",
        "nginx:1.25",
        "registry.example.com/team/app:v1.2.3",
        "app=web,tier=cache",
        "http://example.com/path",
        "1.2.3",
        "10.0.0.7",
        "hello world",
        "a:b"
      })
  void givenOrdinaryString_write_leavesItUnquoted(String value) {
    assertThat(YamlWriter.write(Map.of("k", value))).isEqualTo("k: " + value + "\n");
  }

  @ParameterizedTest(name = "[{index}] <{0}> is quoted")
  @ValueSource(
      strings = {
        "3",
        "-3",
        "+3",
        "3.14",
        ".5",
        "1e3",
        "0x1F",
        "0o17",
        "1_000",
        ".inf",
        "-.inf",
        ".NaN",
        "true",
        "False",
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "null",
        "NULL",
        "~",
        "a: b",
        "ends with colon:",
        "trailing space ",
        " leading space",
        "value #comment",
        "#comment",
        "- dash",
        "*anchor",
        "&ref",
        "!tag",
        "[list]",
        "{map}",
        "'single'",
        "|pipe",
        ">fold",
        "%directive",
        "@at",
        "`tick`",
        "--flag",
        "tier!=cache",
        "caf\u00e9"
      })
  void givenStringYamlWouldReadAsSomethingElse_write_quotesIt(String value) {
    assertThat(YamlWriter.write(Map.of("k", value))).isEqualTo("k: \"" + value + "\"\n");
  }

  @Test
  void givenEmptyString_write_quotesIt() {
    assertThat(YamlWriter.write(Map.of("k", ""))).isEqualTo("k: \"\"\n");
  }

  @Test
  void givenSpecialCharacters_write_escapesThemInsideQuotes() {
    assertThat(YamlWriter.write(Map.of("k", "say \"hi\" \\ \t \r bell\u0007")))
        .isEqualTo("k: \"say \\\"hi\\\" \\\\ \\t \\r bell\\x07\"\n");
  }

  @Test
  void givenNumbersBooleansAndNull_write_writesThemAsYamlScalars() {
    Map<String, Object> values = map("int", 3, "long", 4L, "whole", 5.0, "fraction", 2.5, "flag", true, "nothing", null);

    assertThat(YamlWriter.write(values))
        .isEqualTo("int: 3\nlong: 4\nwhole: 5\nfraction: 2.5\nflag: true\nnothing: null\n");
  }

  @Test
  void givenKeysThatNeedQuotes_write_quotesTheKeys() {
    assertThat(YamlWriter.write(map("8080", "http", "true", "x", "app.kubernetes.io/name", "web", "", "empty")))
        .isEqualTo("\"8080\": http\n\"true\": x\napp.kubernetes.io/name: web\n\"\": empty\n");
  }

  @Test
  void givenNestedMapsAndLists_write_indentsThemLikeKubectl() {
    Map<String, Object> pod =
        map(
            "metadata", map("name", "web-1", "labels", map("app", "web")),
            "spec",
                map(
                    "containers",
                    List.of(
                        map(
                            "name", "app",
                            "ports", List.of(map("containerPort", 8080, "protocol", "TCP")),
                            "args", List.of("--port", "8080"),
                            "resources", map("limits", map("cpu", "500m"))))),
            "matrix", List.of(List.of(1, 2), List.of()),
            "emptyMap", map(),
            "emptyList", List.of());

    assertThat(YamlWriter.write(pod))
        .isEqualTo(
            """
            metadata:
              name: web-1
              labels:
                app: web
            spec:
              containers:
              - name: app
                ports:
                - containerPort: 8080
                  protocol: TCP
                args:
                - "--port"
                - "8080"
                resources:
                  limits:
                    cpu: 500m
            matrix:
            -
              - 1
              - 2
            - []
            emptyMap: {}
            emptyList: []
            """);
  }

  @Test
  void givenMultiLineString_write_usesALiteralBlock() {
    Map<String, Object> data = map("script", "#!/bin/sh\necho \"hi\"\nexit 0\n", "note", "one\ntwo");

    assertThat(YamlWriter.write(Map.of("data", data)))
        .isEqualTo(
            """
            data:
              script: |
                #!/bin/sh
                echo "hi"
                exit 0
              note: |-
                one
                two
            """);
  }

  @Test
  void givenMultiLineStringWithEmptyLines_write_keepsThem() {
    assertThat(YamlWriter.write(Map.of("k", "a\n\nb\n"))).isEqualTo("k: |\n  a\n\n  b\n");
  }

  @Test
  void givenMultiLineStringStartingWithSpaces_write_statesTheIndentation() {
    assertThat(YamlWriter.write(Map.of("k", "  indented\nnot\n"))).isEqualTo("k: |2\n    indented\n  not\n");
  }

  @Test
  void givenEmptyFirstLineThenIndentedLine_write_statesTheIndentation() {
    // Without the indicator a parser would take the indentation from "  x" and lose its spaces.
    assertThat(YamlWriter.write(Map.of("k", "\n  x"))).isEqualTo("k: |-2\n\n    x\n");
  }

  @Test
  void givenSeveralTrailingLineBreaks_write_keepsThemAll() {
    // "|" would clip them to one line break.
    assertThat(YamlWriter.write(Map.of("k", "a\n\n"))).isEqualTo("k: |+\n  a\n\n");
    assertThat(YamlWriter.write(Map.of("k", "\n"))).isEqualTo("k: |+\n\n");
  }

  @Test
  void givenMultiLineStringInAListItemMap_write_indentsTheBlockUnderItsKey() {
    assertThat(YamlWriter.write(List.of(map("name", "cfg", "body", "x: 1\ny: 2"))))
        .isEqualTo("- name: cfg\n  body: |-\n    x: 1\n    y: 2\n");
  }

  @Test
  void givenMultiLineStringWithControlCharacters_write_quotesInsteadOfABlock() {
    assertThat(YamlWriter.write(Map.of("k", "a\u0001\nb"))).isEqualTo("k: \"a\\x01\\nb\"\n");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          plain     | 'plain\n'
          3         | '"3"\n'
          """)
  void givenTopLevelScalar_write_writesOneLine(String value, String expected) {
    assertThat(YamlWriter.write(value)).isEqualTo(expected.replace("\\n", "\n"));
  }

  @Test
  void givenEmptyOrNullDocument_write_writesItsScalarForm() {
    assertThat(YamlWriter.write(Map.of())).isEqualTo("{}\n");
    assertThat(YamlWriter.write(List.of())).isEqualTo("[]\n");
    assertThat(YamlWriter.write(null)).isEqualTo("null\n");
  }
}
