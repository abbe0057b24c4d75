package io.cloudnativemcp.domain.apikey;

import java.util.ArrayList;
import java.util.List;

/**
 * The seed guide's rule for API keys: at least 16 characters and at least 3 of the 4 character
 * classes (upper case, lower case, digit, special). Violations are described without the key.
 */
public final class KeyStrengthPolicy {
  /** The special characters the seed guide lists. Any other non-alphanumeric character counts too. */
  public static final String SPECIALS = "!@#$%^&*()_+-=[]{}|;:,.<>?";

  public static final int MIN_LENGTH = 16;
  public static final int MIN_CLASSES = 3;

  private static final KeyStrengthPolicy SEED = new KeyStrengthPolicy();

  private KeyStrengthPolicy() {}

  public static KeyStrengthPolicy seedGuide() {
    return SEED;
  }

  /** Returns the rules the candidate breaks; empty when it is strong. */
  public List<String> violations(String candidate) {
    List<String> broken = new ArrayList<>();
    if (candidate == null || candidate.isEmpty()) {
      broken.add("the key is empty");
      return broken;
    }
    int length = candidate.codePointCount(0, candidate.length());
    if (length < MIN_LENGTH) {
      broken.add("it has " + length + " characters; at least " + MIN_LENGTH + " are required");
    }
    if (candidate.chars().anyMatch(Character::isWhitespace)) {
      broken.add("it contains whitespace");
    }
    int classes = characterClasses(candidate);
    if (classes < MIN_CLASSES) {
      broken.add(
          "it uses "
              + classes
              + " of the 4 character classes (upper case, lower case, digit, special);"
              + " at least "
              + MIN_CLASSES
              + " are required");
    }
    return List.copyOf(broken);
  }

  public boolean isStrong(String candidate) {
    return violations(candidate).isEmpty();
  }

  /**
   * Throws when the candidate is weak.
   *
   * @param source where the key came from, for the message (for example {@code auth.apiKey})
   * @throws WeakApiKeyException naming the source and the broken rules, never the key
   */
  public void requireStrong(String candidate, String source) {
    List<String> broken = violations(candidate);
    if (!broken.isEmpty()) {
      throw new WeakApiKeyException(source, broken);
    }
  }

  static int characterClasses(String s) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    boolean special = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else if (!Character.isWhitespace(c)) {
        special = true;
      }
    }
    return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (special ? 1 : 0);
  }
}
