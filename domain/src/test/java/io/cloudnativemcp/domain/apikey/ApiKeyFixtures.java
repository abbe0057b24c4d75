package io.cloudnativemcp.domain.apikey;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;

/** Plaintext keys and key records for tests. */
public final class ApiKeyFixtures {
  /** The strong example key of the seed guide. */
  public static final String SEED_EXAMPLE_KEY = "Abc123!@#Xyz789!@#Abc123!@#";

  private static final ApiKeyGenerator GENERATOR = new ApiKeyGenerator(new SecureRandom());

  private ApiKeyFixtures() {}

  /** A fresh, strong, random plaintext key ({@code cnm_…}). */
  public static String randomStrongKey() {
    return GENERATOR.generate();
  }

  /** A key record for {@code plaintext}, issued at {@code now}, without expiry. */
  public static ApiKey issuedKey(String name, String plaintext, Instant now, String... groups) {
    return ApiKey.create(name, Set.of(groups), plaintext, ApiKeySource.ISSUED, now, null);
  }

  /** A key record for {@code plaintext} that expires at {@code expiresAt}. */
  public static ApiKey expiringKey(String name, String plaintext, Instant now, Instant expiresAt) {
    return ApiKey.create(name, Set.of(), plaintext, ApiKeySource.ISSUED, now, expiresAt);
  }
}
