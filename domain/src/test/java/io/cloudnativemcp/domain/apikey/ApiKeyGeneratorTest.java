package io.cloudnativemcp.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ApiKeyGeneratorTest {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  @Test
  void givenSeededRandom_generate_alwaysMakesDistinctStrongKeysOfTheDocumentedShape() {
    ApiKeyGenerator generator = new ApiKeyGenerator(new Random(20260110L));
    Set<String> seen = new HashSet<>();

    for (int i = 0; i < 2000; i++) {
      String key = generator.generate();

      assertThat(key).startsWith("cnm_").hasSize(44).matches("cnm_[A-Za-z0-9]{40}");
      assertThat(KeyStrengthPolicy.seedGuide().isStrong(key)).as(key).isTrue();
      assertThat(KeyStrengthPolicy.characterClasses(key)).as(key).isEqualTo(4);
      assertThat(seen.add(key)).as("duplicate %s", key).isTrue();
    }
    assertThat(seen).hasSize(2000);
  }

  @Test
  void givenBodyWithoutUpperCaseOrDigit_generate_drawsAgain() {
    String weakBody = "abcdefghij".repeat(4); // only lower case: "cnm_" adds just '_'
    String strongBody = "Abcdefghi1".repeat(4);
    ApiKeyGenerator generator = new ApiKeyGenerator(scripted(weakBody + strongBody));

    assertThat(generator.generate()).isEqualTo("cnm_" + strongBody);
  }

  @Test
  void givenBodyWithEveryClass_generate_usesTheFirstDraw() {
    String body = "Z9" + "q".repeat(38);
    ApiKeyGenerator generator = new ApiKeyGenerator(scripted(body + "A".repeat(40)));

    assertThat(generator.generate()).isEqualTo("cnm_" + body);
  }

  @Test
  void givenNullRandom_constructor_refusesIt() {
    assertThatThrownBy(() -> new ApiKeyGenerator(null)).isInstanceOf(NullPointerException.class);
  }

  /** A random source that yields the alphabet positions of the given characters, in order. */
  private static RandomGenerator scripted(String characters) {
    Deque<Integer> positions = new ArrayDeque<>();
    for (char c : characters.toCharArray()) {
      positions.add(ALPHABET.indexOf(c));
    }
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException("the generator draws bounded ints");
      }

      @Override
      public int nextInt(int bound) {
        assertThat(bound).isEqualTo(ALPHABET.length());
        return positions.removeFirst();
      }
    };
  }
}
