package io.cloudnativemcp.domain.apikey;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Makes new keys: {@code cnm_} followed by 40 characters drawn from letters and digits. That is
 * about 238 bits of entropy, and the result always passes {@link KeyStrengthPolicy}.
 */
public final class ApiKeyGenerator {
  public static final String PREFIX = "cnm_";
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int BODY_LENGTH = 40;

  private final RandomGenerator random;

  /** @param random a cryptographically strong source, {@code SecureRandom} in production */
  public ApiKeyGenerator(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "'random' must not be null");
  }

  public String generate() {
    while (true) {
      StringBuilder key = new StringBuilder(PREFIX.length() + BODY_LENGTH).append(PREFIX);
      for (int i = 0; i < BODY_LENGTH; i++) {
        key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String candidate = key.toString();
      // The prefix gives lower case and a special; the body almost always adds upper and digit.
      // Drawing again in the rare other case keeps every key strong without biasing characters.
      if (KeyStrengthPolicy.characterClasses(candidate) == 4) {
        return candidate;
      }
    }
  }
}
