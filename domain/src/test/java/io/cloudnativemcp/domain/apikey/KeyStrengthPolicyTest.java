package io.cloudnativemcp.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class KeyStrengthPolicyTest {
  private final KeyStrengthPolicy policy = KeyStrengthPolicy.seedGuide();

  @ParameterizedTest(name = "[{index}] {0} -> strong={1} ({2})")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          Abc123!@#Xyz789!@#Abc123!@#    | true  | the seed guide's example
          Abcdefgh12345678               | true  | 16 characters, upper + lower + digit
          abcdefgh1234567!               | true  | 16 characters, lower + digit + special
          ABCDEFGH1234567!               | true  | 16 characters, upper + digit + special
          Abcdefgh!!!!!!!!               | true  | 16 characters, upper + lower + special
          abcdefgh1234567~               | true  | a special outside the listed ones counts
          Abcdefg1234567!                | false | 15 characters even with all 4 classes
          abcdefgh12345678               | false | 16 characters, only lower + digit
          ABCDEFGHIJKLMNOPQRSTUVWXYZ     | false | 1 class
          aaaaaaaaaaaaaaaaaaaa!!!!!!     | false | 2 classes: lower + special
          1234567890123456789012         | false | digits only
          'Abc123!@# Xyz789!@#'          | false | whitespace inside
          ''                             | false | empty
          """)
  void givenCandidate_isStrong_followsSeedRule(String candidate, boolean strong, String why) {
    assertThat(policy.isStrong(candidate)).as(why).isEqualTo(strong);
    assertThat(policy.violations(candidate).isEmpty()).as(why).isEqualTo(strong);
  }

  @Test
  void givenNull_violations_saysTheKeyIsEmpty() {
    assertThat(policy.violations(null)).containsExactly("the key is empty");
    assertThat(policy.isStrong(null)).isFalse();
  }

  @Test
  void givenFifteenCharacters_violations_namesTheLengthRuleOnly() {
    assertThat(policy.violations("Abcdefg1234567!"))
        .containsExactly("it has 15 characters; at least 16 are required");
  }

  @Test
  void givenTwoCharacterClasses_violations_namesTheClassRuleOnly() {
    assertThat(policy.violations("abcdefgh12345678"))
        .containsExactly(
            "it uses 2 of the 4 character classes (upper case, lower case, digit, special);"
                + " at least 3 are required");
  }

  @Test
  void givenShortOneClassKey_violations_namesBothRules() {
    assertThat(policy.violations("aaaa"))
        .hasSize(2)
        .anySatisfy(v -> assertThat(v).contains("4 characters"))
        .anySatisfy(v -> assertThat(v).contains("1 of the 4 character classes"));
  }

  @Test
  void givenCharactersOutsideTheBasicPlane_violations_countsCodePoints() {
    // 8 emoji are 16 UTF-16 chars but only 8 characters.
    String candidate = "Ab1" + "\uD83D\uDE00".repeat(8);

    assertThat(policy.violations(candidate))
        .containsExactly("it has 11 characters; at least 16 are required");
  }

  @Test
  void givenStrongKey_requireStrong_doesNotThrow() {
    policy.requireStrong(ApiKeyFixtures.SEED_EXAMPLE_KEY, "auth.apiKey");

    assertThat(policy.violations(ApiKeyFixtures.SEED_EXAMPLE_KEY)).isEmpty();
  }

  static Stream<Arguments> weakKeys() {
    return Stream.of(
        Arguments.of("weakkey1weakkey", "it has 15 characters"),
        Arguments.of("qwertyuiopasdfgh", "it uses 1 of the 4 character classes"),
        Arguments.of("QWERTY1234567890", "it uses 2 of the 4 character classes"),
        Arguments.of("Zx9!Zx9!Zx9!Zx9 Zx9!", "it contains whitespace"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("weakKeys")
  void givenWeakKey_requireStrong_throwsNamingSourceAndRulesButNeverTheKey(String key, String brokenRule) {
    WeakApiKeyException e =
        catchThrowableOfType(() -> policy.requireStrong(key, "auth.apiKey"), WeakApiKeyException.class);

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).startsWith("auth.apiKey is not a strong API key: ").contains(brokenRule);
    assertThat(e.getMessage()).doesNotContain(key);
    assertThat(e.source()).isEqualTo("auth.apiKey");
    assertThat(e.brokenRules()).anySatisfy(rule -> assertThat(rule).contains(brokenRule));
    assertThat(e.brokenRules()).allSatisfy(rule -> assertThat(rule).doesNotContain(key));
    assertThat(e.code()).isEqualTo("weak_api_key");
  }

  @Test
  void givenWeakKey_requireStrong_throwsWithTheGivenSource() {
    assertThatThrownBy(() -> policy.requireStrong("short", "the key for 'ci'"))
        .isInstanceOf(WeakApiKeyException.class)
        .hasMessageStartingWith("the key for 'ci' is not a strong API key");
  }

  @Test
  void givenEachClass_characterClasses_countsItOnce() {
    assertThat(KeyStrengthPolicy.characterClasses("AAAA")).isEqualTo(1);
    assertThat(KeyStrengthPolicy.characterClasses("Aa")).isEqualTo(2);
    assertThat(KeyStrengthPolicy.characterClasses("Aa1")).isEqualTo(3);
    assertThat(KeyStrengthPolicy.characterClasses("Aa1_")).isEqualTo(4);
    assertThat(KeyStrengthPolicy.characterClasses("  \t")).isZero();
  }
}
