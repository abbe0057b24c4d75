package io.cloudnativemcp.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobSetTest {

  @ParameterizedTest(name = "[{index}] {0} matches {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          *                    | anything        | true
          *,!kube-system       | shop            | true
          *,!kube-system       | kube-system     | false
          *,!kube-*            | kube-public     | false
          !kube-system         | shop            | true
          !kube-system         | kube-system     | false
          team-a-*             | team-a-dev      | true
          team-a-*             | team-b-dev      | false
          team-?               | team-a          | true
          team-?               | team-ab         | false
          shop,payments        | payments        | true
          shop,payments        | shopping        | false
          a.b                  | axb             | false
          a.*                  | a.b             | true
          a.*                  | axb             | false
          ' shop '             | shop            | true
          """)
  void givenPatterns_matches_includesMinusExcludes(String patterns, String value, boolean expected) {
    GlobSet set = GlobSet.of(List.of(patterns.split(",")));

    assertThat(set.matches(value)).isEqualTo(expected);
  }

  @Test
  void givenNoPatterns_matches_nothing() {
    assertThat(GlobSet.none().matches("shop")).isFalse();
    assertThat(GlobSet.none().matches("")).isFalse();
  }

  @Test
  void givenNull_matches_isFalse() {
    assertThat(GlobSet.all().matches(null)).isFalse();
  }

  @Test
  void givenPatterns_isUnrestricted_onlyForAStarWithoutExclusions() {
    assertThat(GlobSet.all().isUnrestricted()).isTrue();
    assertThat(GlobSet.of(List.of("*", "!kube-system")).isUnrestricted()).isFalse();
    assertThat(GlobSet.of(List.of("!kube-system")).isUnrestricted()).isFalse();
    assertThat(GlobSet.of(List.of("team-*")).isUnrestricted()).isFalse();
    assertThat(GlobSet.none().isUnrestricted()).isFalse();
  }

  @Test
  void givenPatterns_patterns_keepsTheSourceList() {
    assertThat(GlobSet.of(List.of("*", "!kube-system")).patterns()).containsExactly("*", "!kube-system");
  }

  @Test
  void givenBlankPattern_of_refusesIt() {
    assertThatThrownBy(() -> GlobSet.of(List.of("  "))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GlobSet.of(List.of("!"))).isInstanceOf(IllegalArgumentException.class);
  }
}
