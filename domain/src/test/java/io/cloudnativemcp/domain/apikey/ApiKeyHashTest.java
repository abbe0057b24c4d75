package io.cloudnativemcp.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeyHashTest {

  @Test
  void givenKnownInput_of_isTheLowerCaseSha256Hex() {
    // FIPS 180-2 test vector for "abc".
    assertThat(ApiKeyHash.of("abc").hex())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void givenNonAsciiKey_of_hashesItsUtf8Bytes() {
    // SHA-256 of c3 a9, the UTF-8 encoding of "\u00e9" (ISO-8859-1 would hash the single byte e9).
    assertThat(ApiKeyHash.of("\u00e9").hex())
        .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
  }

  @Test
  void givenSameKey_matches_isTrue() {
    ApiKeyHash stored = ApiKeyHash.of(ApiKeyFixtures.SEED_EXAMPLE_KEY);

    assertThat(stored.matches(ApiKeyHash.of(ApiKeyFixtures.SEED_EXAMPLE_KEY))).isTrue();
  }

  @Test
  void givenOtherKey_matches_isFalse() {
    ApiKeyHash stored = ApiKeyHash.of(ApiKeyFixtures.SEED_EXAMPLE_KEY);

    assertThat(stored.matches(ApiKeyHash.of(ApiKeyFixtures.SEED_EXAMPLE_KEY + "x"))).isFalse();
    assertThat(stored.matches(ApiKeyHash.of("abc123!@#Xyz789!@#Abc123!@#"))).isFalse();
  }

  @Test
  void givenNull_matches_isFalse() {
    assertThat(ApiKeyHash.of("abc").matches(null)).isFalse();
  }

  @Test
  void givenHash_toString_showsOnlyAShortPrefix() {
    ApiKeyHash hash = ApiKeyHash.of("abc");

    assertThat(hash.toString())
        .isEqualTo("ApiKeyHash[ba7816bf…]")
        .doesNotContain(hash.hex())
        .doesNotContain(hash.hex().substring(8, 16));
  }

  @Test
  void givenMalformedHex_constructor_refusesIt() {
    assertThatThrownBy(() -> new ApiKeyHash("abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ApiKeyHash("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ApiKeyHash(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenNullKey_of_refusesIt() {
    assertThatThrownBy(() -> ApiKeyHash.of(null)).isInstanceOf(NullPointerException.class);
  }
}
