package io.cloudnativemcp.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RotationPolicyTest {
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);
  private static final String KEY = ApiKeyFixtures.SEED_EXAMPLE_KEY;

  private static final RotationPolicy MAX_AGE_90_DAYS =
      new RotationPolicy(Optional.empty(), Optional.of(Duration.ofDays(90)), true, DAY);
  private static final RotationPolicy ROTATE_AFTER_30_DAYS =
      new RotationPolicy(Optional.of(Duration.ofDays(30)), Optional.of(Duration.ofDays(90)), true, DAY);

  private static ApiKey key(ApiKeySource source) {
    return ApiKey.create("ci", Set.of("deployers"), KEY, source, CREATED, null);
  }

  private static ApiKey issued() {
    return key(ApiKeySource.ISSUED);
  }

  static Stream<Arguments> lifecycleUnderMaxAge() {
    Instant agedOut = CREATED.plus(Duration.ofDays(90));
    return Stream.of(
        Arguments.of(CREATED, ApiKeyState.ACTIVE),
        Arguments.of(agedOut.minus(ApiKey.EXPIRY_WARNING), ApiKeyState.ACTIVE),
        Arguments.of(agedOut.minus(ApiKey.EXPIRY_WARNING).plusSeconds(1), ApiKeyState.EXPIRING),
        Arguments.of(agedOut.minusSeconds(1), ApiKeyState.EXPIRING),
        Arguments.of(agedOut, ApiKeyState.EXPIRED),
        Arguments.of(agedOut.plus(Duration.ofDays(400)), ApiKeyState.EXPIRED));
  }

  @ParameterizedTest(name = "[{index}] at {0}: {1}")
  @MethodSource("lifecycleUnderMaxAge")
  void givenMaxAge_stateOf_agesTheKeyOutWithAWeekOfWarning(Instant at, ApiKeyState expected) {
    ApiKey key = issued();

    assertThat(MAX_AGE_90_DAYS.stateOf(key, at)).isEqualTo(expected);
    assertThat(MAX_AGE_90_DAYS.isUsable(key, at)).isEqualTo(expected.isUsable());
    assertThat(key.stateAt(at)).as("the key's own state ignores the age limit").isEqualTo(ApiKeyState.ACTIVE);
  }

  @Test
  void givenRevokedKey_stateOf_keepsRevokedUnderTheAgeLimit() {
    ApiKey revoked = issued().revoke(CREATED.plus(DAY));

    assertThat(MAX_AGE_90_DAYS.stateOf(revoked, CREATED.plus(Duration.ofDays(100)))).isEqualTo(ApiKeyState.REVOKED);
    assertThat(MAX_AGE_90_DAYS.stateOf(revoked, CREATED.plus(Duration.ofDays(2)))).isEqualTo(ApiKeyState.REVOKED);
  }

  @Test
  void givenOwnExpiryBeforeTheAgeLimit_stateOf_followsTheOwnExpiry() {
    ApiKey key = ApiKeyFixtures.expiringKey("ci", KEY, CREATED, CREATED.plus(Duration.ofDays(10)));

    assertThat(MAX_AGE_90_DAYS.stateOf(key, CREATED.plus(Duration.ofDays(2)))).isEqualTo(ApiKeyState.ACTIVE);
    assertThat(MAX_AGE_90_DAYS.stateOf(key, CREATED.plus(Duration.ofDays(4)))).isEqualTo(ApiKeyState.EXPIRING);
    assertThat(MAX_AGE_90_DAYS.stateOf(key, CREATED.plus(Duration.ofDays(10)))).isEqualTo(ApiKeyState.EXPIRED);
  }

  @Test
  void givenNoMaxAge_stateOf_isTheKeysOwnState() {
    ApiKey key = issued();
    Instant decadeLater = CREATED.plus(Duration.ofDays(3650));

    assertThat(RotationPolicy.none().stateOf(key, decadeLater)).isEqualTo(ApiKeyState.ACTIVE);
    assertThat(RotationPolicy.none().needsRotation(key, decadeLater)).isFalse();
    assertThat(RotationPolicy.none().shouldPurge(key.revoke(CREATED), decadeLater)).isFalse();
  }

  @Test
  void givenIssuedKeyReachingTheInterval_needsRotation_becomesTrueExactlyAtTheInterval() {
    ApiKey key = issued();
    Instant due = CREATED.plus(Duration.ofDays(30));

    assertThat(ROTATE_AFTER_30_DAYS.needsRotation(key, due.minusSeconds(1))).isFalse();
    assertThat(ROTATE_AFTER_30_DAYS.needsRotation(key, due)).isTrue();
    assertThat(ROTATE_AFTER_30_DAYS.needsRotation(key, due.plus(Duration.ofDays(20)))).isTrue();
  }

  @Test
  void givenGeneratedBootstrapKey_needsRotation_rotatesItLikeAnIssuedOne() {
    assertThat(ROTATE_AFTER_30_DAYS.needsRotation(key(ApiKeySource.GENERATED_BOOTSTRAP), CREATED.plus(Duration.ofDays(31))))
        .isTrue();
  }

  @Test
  void givenConfiguredKey_needsRotation_isAlwaysFalse() {
    ApiKey configured = key(ApiKeySource.CONFIGURED);

    assertThat(ROTATE_AFTER_30_DAYS.needsRotation(configured, CREATED.plus(Duration.ofDays(31)))).isFalse();
    assertThat(ROTATE_AFTER_30_DAYS.needsRotation(configured, CREATED.plus(Duration.ofDays(80)))).isFalse();
  }

  @Test
  void givenAlreadyReplacedKey_needsRotation_isFalse() {
    Instant now = CREATED.plus(Duration.ofDays(31));
    ApiKey replaced = issued().replacedBy(ApiKeyId.random(), now.plus(DAY));

    assertThat(ROTATE_AFTER_30_DAYS.needsRotation(replaced, now)).isFalse();
  }

  @Test
  void givenUnusableKey_needsRotation_isFalse() {
    Instant now = CREATED.plus(Duration.ofDays(31));

    assertThat(ROTATE_AFTER_30_DAYS.needsRotation(issued().revoke(now.minusSeconds(1)), now)).isFalse();
    assertThat(ROTATE_AFTER_30_DAYS.needsRotation(issued(), CREATED.plus(Duration.ofDays(90)))).as("aged out").isFalse();
    ApiKey ownExpiry = ApiKeyFixtures.expiringKey("ci", KEY, CREATED, now.minusSeconds(1));
    assertThat(ROTATE_AFTER_30_DAYS.needsRotation(ownExpiry, now)).isFalse();
  }

  @Test
  void givenKeepExpiredFalse_shouldPurge_purgesOnlyUnusableKeys() {
    RotationPolicy purging = new RotationPolicy(Optional.empty(), Optional.of(Duration.ofDays(90)), false, DAY);
    Instant now = CREATED.plus(Duration.ofDays(10));

    assertThat(purging.shouldPurge(issued(), now)).as("active").isFalse();
    assertThat(purging.shouldPurge(issued(), CREATED.plus(Duration.ofDays(85)))).as("expiring").isFalse();
    assertThat(purging.shouldPurge(issued().revoke(now), now)).as("revoked").isTrue();
    assertThat(purging.shouldPurge(issued(), CREATED.plus(Duration.ofDays(90)))).as("aged out").isTrue();
    assertThat(purging.shouldPurge(ApiKeyFixtures.expiringKey("ci", KEY, CREATED, now), now)).as("expired").isTrue();
  }

  @Test
  void givenKeepExpiredTrue_shouldPurge_keepsEverything() {
    Instant now = CREATED.plus(Duration.ofDays(100));

    assertThat(MAX_AGE_90_DAYS.shouldPurge(issued(), now)).isFalse();
    assertThat(MAX_AGE_90_DAYS.shouldPurge(issued().revoke(CREATED.plus(DAY)), now)).isFalse();
  }

  @Test
  void givenOverlap_previousValidUntil_isNowPlusTheOverlap() {
    RotationPolicy policy = new RotationPolicy(Optional.of(Duration.ofDays(30)), Optional.empty(), true, Duration.ofHours(6));

    assertThat(policy.previousValidUntil(CREATED)).isEqualTo(CREATED.plus(Duration.ofHours(6)));
  }

  static Stream<Arguments> invalidPolicies() {
    return Stream.of(
        Arguments.of("zero rotation interval", Optional.of(Duration.ZERO), Optional.empty(), DAY, "rotation_interval must be positive"),
        Arguments.of("negative rotation interval", Optional.of(Duration.ofDays(-1)), Optional.empty(), DAY, "rotation_interval must be positive"),
        Arguments.of("zero max age", Optional.empty(), Optional.of(Duration.ZERO), DAY, "max_age must be positive"),
        Arguments.of("negative max age", Optional.empty(), Optional.of(Duration.ofDays(-3)), DAY, "max_age must be positive"),
        Arguments.of("negative overlap", Optional.empty(), Optional.empty(), Duration.ofSeconds(-1), "the overlap must not be negative"),
        Arguments.of("interval longer than max age", Optional.of(Duration.ofDays(91)), Optional.of(Duration.ofDays(90)), Duration.ZERO, "rotation_interval plus the overlap"),
        Arguments.of("interval plus overlap longer than max age", Optional.of(Duration.ofDays(89)), Optional.of(Duration.ofDays(90)), Duration.ofDays(2), "rotation_interval plus the overlap"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidPolicies")
  void givenInvalidCombination_new_refusesIt(
      String what, Optional<Duration> interval, Optional<Duration> maxAge, Duration overlap, String message) {
    assertThatThrownBy(() -> new RotationPolicy(interval, maxAge, true, overlap))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void givenIntervalPlusOverlapEqualToMaxAge_new_acceptsIt() {
    RotationPolicy policy =
        new RotationPolicy(Optional.of(Duration.ofDays(89)), Optional.of(Duration.ofDays(90)), false, DAY);

    assertThat(policy.rotationInterval()).contains(Duration.ofDays(89));
  }

  @Test
  void givenNullOptionals_new_treatsThemAsAbsent() {
    RotationPolicy policy = new RotationPolicy(null, null, true, DAY);

    assertThat(policy.rotationInterval()).isEmpty();
    assertThat(policy.maxAge()).isEmpty();
  }

  @Test
  void givenNullOverlap_new_refusesIt() {
    assertThatThrownBy(() -> new RotationPolicy(Optional.empty(), Optional.empty(), true, null))
        .isInstanceOf(NullPointerException.class);
  }
}
