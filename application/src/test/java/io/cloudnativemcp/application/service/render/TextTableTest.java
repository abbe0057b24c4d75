package io.cloudnativemcp.application.service.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void givenRows_render_alignsColumnsTwoSpacesApart() {
    TextTable table = new TextTable(List.of("NAME", "STATUS", "AGE"));
    table.row(List.of("web-1", "Running", "2h")).row(List.of("api", "CrashLoopBackOff", "15m"));

    assertThat(table.render())
        .isEqualTo(
            """
            NAME   STATUS            AGE
            web-1  Running           2h
            api    CrashLoopBackOff  15m
            """);
    assertThat(table.size()).isEqualTo(2);
  }

  @Test
  void givenEmptyOrMissingCells_render_showsADash() {
    TextTable table = new TextTable(List.of("A", "B", "C"));
    table.row(Arrays.asList("x", null, ""));

    assertThat(table.render()).isEqualTo("A  B  C\nx  -  -\n");
  }

  @Test
  void givenCellWithLineBreak_render_keepsTheRowOnOneLine() {
    TextTable table = new TextTable(List.of("MESSAGE"));
    table.row(List.of("first\nsecond"));

    assertThat(table.render()).isEqualTo("MESSAGE\nfirst second\n");
  }

  @Test
  void givenRowWithWrongCellCount_row_refusesIt() {
    TextTable table = new TextTable(List.of("A", "B"));

    assertThatThrownBy(() -> table.row(List.of("only one")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a row needs 2 cells");
  }

  @Test
  void givenNoRows_render_printsTheHeaderOnly() {
    assertThat(new TextTable(List.of("NAME", "AGE")).render()).isEqualTo("NAME  AGE\n");
  }
}
