package io.cloudnativemcp.domain.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 digest of an API key, the only form in which a key is kept. Keys are long random or
 * strength-checked strings, so a fast digest is safe here; a slow password hash would add
 * milliseconds to every call without protecting anything more.
 */
public record ApiKeyHash(String hex) {
  public ApiKeyHash {
    Objects.requireNonNull(hex, "'hex' must not be null");
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("an API key hash is 64 lower-case hex digits");
    }
  }

  public static ApiKeyHash of(String plaintextKey) {
    Objects.requireNonNull(plaintextKey, "'plaintextKey' must not be null");
    return new ApiKeyHash(HexFormat.of().formatHex(digest(plaintextKey)));
  }

  /** Compares in constant time, so the time taken does not tell how much of a guess was right. */
  public boolean matches(ApiKeyHash other) {
    return other != null
        && MessageDigest.isEqual(
            hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "ApiKeyHash[" + hex.substring(0, 8) + "…]";
  }
}
