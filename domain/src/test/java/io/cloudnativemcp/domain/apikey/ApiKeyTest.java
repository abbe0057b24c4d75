package io.cloudnativemcp.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiKeyTest {
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant EXPIRES = CREATED.plus(Duration.ofDays(30));
  private static final String KEY = ApiKeyFixtures.SEED_EXAMPLE_KEY;

  static Stream<Arguments> lifecycleOfAKeyExpiringAfter30Days() {
    return Stream.of(
        Arguments.of(CREATED, ApiKeyState.ACTIVE),
        Arguments.of(CREATED.plus(Duration.ofDays(22)), ApiKeyState.ACTIVE),
        Arguments.of(EXPIRES.minus(Duration.ofDays(7)), ApiKeyState.ACTIVE),
        Arguments.of(EXPIRES.minus(Duration.ofDays(7)).plusSeconds(1), ApiKeyState.EXPIRING),
        Arguments.of(EXPIRES.minusSeconds(1), ApiKeyState.EXPIRING),
        Arguments.of(EXPIRES, ApiKeyState.EXPIRED),
        Arguments.of(EXPIRES.plus(Duration.ofDays(365)), ApiKeyState.EXPIRED));
  }

  @ParameterizedTest(name = "[{index}] at {0}: {1}")
  @MethodSource("lifecycleOfAKeyExpiringAfter30Days")
  void givenKeyWithExpiry_stateAt_followsItsLifecycle(Instant at, ApiKeyState expected) {
    ApiKey key = ApiKeyFixtures.expiringKey("ci", KEY, CREATED, EXPIRES);

    assertThat(key.stateAt(at)).isEqualTo(expected);
    assertThat(key.isUsableAt(at)).isEqualTo(expected != ApiKeyState.EXPIRED);
  }

  @Test
  void givenKeyWithoutExpiry_stateAt_staysActive() {
    ApiKey key = ApiKeyFixtures.issuedKey("ci", KEY, CREATED);

    assertThat(key.stateAt(CREATED.plus(Duration.ofDays(3650)))).isEqualTo(ApiKeyState.ACTIVE);
  }

  @Test
  void givenRevokedKey_stateAt_isRevokedFromTheRevocationOn() {
    Instant revokedAt = CREATED.plus(Duration.ofDays(2));
    ApiKey key = ApiKeyFixtures.issuedKey("ci", KEY, CREATED).revoke(revokedAt);

    assertThat(key.stateAt(revokedAt.minusSeconds(1))).isEqualTo(ApiKeyState.ACTIVE);
    assertThat(key.stateAt(revokedAt)).isEqualTo(ApiKeyState.REVOKED);
    assertThat(key.isUsableAt(revokedAt)).isFalse();
    assertThat(key.revokedAt()).contains(revokedAt);
  }

  @Test
  void givenRevokedAndExpiredKey_stateAt_reportsRevoked() {
    ApiKey key = ApiKeyFixtures.expiringKey("ci", KEY, CREATED, EXPIRES).revoke(CREATED.plusSeconds(60));

    assertThat(key.stateAt(EXPIRES.plusSeconds(1))).isEqualTo(ApiKeyState.REVOKED);
  }

  @Test
  void givenRevokedKey_revoke_keepsTheFirstRevocation() {
    Instant first = CREATED.plusSeconds(60);
    ApiKey revoked = ApiKeyFixtures.issuedKey("ci", KEY, CREATED).revoke(first);

    ApiKey again = revoked.revoke(first.plusSeconds(3600));

    assertThat(again).isSameAs(revoked);
    assertThat(again.revokedAt()).contains(first);
  }

  @Test
  void givenKey_revoke_leavesTheOriginalUntouched() {
    ApiKey key = ApiKeyFixtures.issuedKey("ci", KEY, CREATED);

    key.revoke(CREATED.plusSeconds(1));

    assertThat(key.revokedAt()).isEmpty();
    assertThat(key.stateAt(CREATED.plusSeconds(2))).isEqualTo(ApiKeyState.ACTIVE);
  }

  @Test
  void givenReplacedKey_stateAt_isExpiringUntilTheGracePeriodEnds() {
    ApiKeyId successor = ApiKeyId.random();
    Instant graceEnd = CREATED.plus(Duration.ofDays(1));

    ApiKey replaced = ApiKeyFixtures.issuedKey("ci", KEY, CREATED).replacedBy(successor, graceEnd);

    assertThat(replaced.stateAt(CREATED.plusSeconds(1))).isEqualTo(ApiKeyState.EXPIRING);
    assertThat(replaced.stateAt(graceEnd)).isEqualTo(ApiKeyState.EXPIRED);
    assertThat(replaced.replacedBy()).contains(successor);
    assertThat(replaced.expiresAt()).contains(graceEnd);
  }

  @Test
  void givenKeyExpiringBeforeTheGracePeriod_replacedBy_keepsTheEarlierExpiry() {
    ApiKey key = ApiKeyFixtures.expiringKey("ci", KEY, CREATED, EXPIRES);

    ApiKey replaced = key.replacedBy(ApiKeyId.random(), EXPIRES.plus(Duration.ofDays(30)));

    assertThat(replaced.expiresAt()).contains(EXPIRES);
  }

  @Test
  void givenKeyExpiringAfterTheGracePeriod_replacedBy_capsValidityAtTheGracePeriod() {
    ApiKey key = ApiKeyFixtures.expiringKey("ci", KEY, CREATED, EXPIRES);
    Instant graceEnd = CREATED.plus(Duration.ofDays(3));

    ApiKey replaced = key.replacedBy(ApiKeyId.random(), graceEnd);

    assertThat(replaced.expiresAt()).contains(graceEnd);
    assertThat(replaced.stateAt(graceEnd.plusSeconds(1))).isEqualTo(ApiKeyState.EXPIRED);
  }

  @Test
  void givenStrongKey_create_storesOnlyHashAndPrefix() {
    ApiKey key =
        ApiKey.create("ci-deployer", Set.of("deployers"), KEY, ApiKeySource.ISSUED, CREATED, EXPIRES);

    assertThat(key.hash()).isEqualTo(ApiKeyHash.of(KEY));
    assertThat(key.prefix()).isEqualTo("Abc123").hasSize(6);
    assertThat(key.name()).isEqualTo("ci-deployer");
    assertThat(key.groups()).containsExactly("deployers");
    assertThat(key.source()).isEqualTo(ApiKeySource.ISSUED);
    assertThat(key.createdAt()).isEqualTo(CREATED);
    assertThat(key.expiresAt()).contains(EXPIRES);
    assertThat(key.revokedAt()).isEmpty();
    assertThat(key.lastUsedAt()).isEmpty();
    assertThat(key.replacedBy()).isEmpty();
    assertThat(key.toString()).doesNotContain(KEY).doesNotContain(key.hash().hex());
  }

  @Test
  void givenWeakKey_create_refusesItWithoutRevealingIt() {
    assertThatThrownBy(
            () -> ApiKey.create("ci", Set.of(), "password1234", ApiKeySource.ISSUED, CREATED, null))
        .isInstanceOf(WeakApiKeyException.class)
        .hasMessageContaining("the key for 'ci'")
        .hasMessageNotContaining("password1234");
  }

  @Test
  void givenExpiryNotAfterCreation_create_refusesIt() {
    assertThatThrownBy(() -> ApiKeyFixtures.expiringKey("ci", KEY, CREATED, CREATED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expire after it was created");
  }

  @Test
  void givenInvalidName_create_refusesIt() {
    assertThatThrownBy(() -> ApiKeyFixtures.issuedKey("has space", KEY, CREATED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiKeyFixtures.issuedKey("-leading-dash", KEY, CREATED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiKeyFixtures.issuedKey("x".repeat(129), KEY, CREATED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenKey_markUsed_recordsTheTimeAndKeepsTheRest() {
    ApiKey key = ApiKeyFixtures.issuedKey("ci", KEY, CREATED);
    Instant used = CREATED.plusSeconds(90);

    ApiKey usedKey = key.markUsed(used);

    assertThat(usedKey.lastUsedAt()).contains(used);
    assertThat(usedKey.id()).isEqualTo(key.id());
    assertThat(usedKey.hash()).isEqualTo(key.hash());
  }

  @Test
  void givenStoredFields_restore_rebuildsTheSameKey() {
    ApiKey key = ApiKeyFixtures.expiringKey("ci", KEY, CREATED, EXPIRES).revoke(CREATED.plusSeconds(5));

    ApiKey restored =
        ApiKey.restore(
            key.id(),
            key.name(),
            key.groups(),
            key.prefix(),
            key.hash(),
            key.source(),
            key.createdAt(),
            key.expiresAt().orElse(null),
            key.revokedAt().orElse(null),
            null,
            null);

    assertThat(restored.stateAt(CREATED.plusSeconds(5))).isEqualTo(ApiKeyState.REVOKED);
    assertThat(restored.hash().matches(ApiKeyHash.of(KEY))).isTrue();
  }

  @Test
  void givenShortKey_prefixOf_takesWhatThereIs() {
    assertThat(ApiKey.prefixOf("abc")).isEqualTo("abc");
    assertThat(ApiKey.prefixOf("cnm_abcdef")).isEqualTo("cnm_ab");
  }
}
