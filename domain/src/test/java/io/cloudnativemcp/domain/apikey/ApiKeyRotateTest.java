package io.cloudnativemcp.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApiKeyRotateTest {
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NOW = CREATED.plus(Duration.ofDays(20));
  private static final String OLD_KEY = ApiKeyFixtures.SEED_EXAMPLE_KEY;
  private static final String NEW_KEY = ApiKeyFixtures.randomStrongKey();

  private static ApiKey key(ApiKeySource source, Instant expiresAt) {
    return ApiKey.create("ci-deployer", Set.of("deployers", "ci"), OLD_KEY, source, CREATED, expiresAt);
  }

  @Test
  void givenKey_rotate_createsASuccessorWithTheSameNameAndGroupsAndTheNewSecret() {
    ApiKey old = key(ApiKeySource.ISSUED, null);

    ApiKey.Rotation rotation = old.rotate(NEW_KEY, NOW, NOW.plus(Duration.ofDays(1)));

    ApiKey successor = rotation.successor();
    assertThat(successor.id()).isNotEqualTo(old.id());
    assertThat(successor.name()).isEqualTo("ci-deployer");
    assertThat(successor.groups()).containsExactlyInAnyOrder("deployers", "ci");
    assertThat(successor.hash()).isEqualTo(ApiKeyHash.of(NEW_KEY));
    assertThat(successor.prefix()).isEqualTo(ApiKey.prefixOf(NEW_KEY));
    assertThat(successor.createdAt()).isEqualTo(NOW);
    assertThat(successor.expiresAt()).isEmpty();
    assertThat(successor.replacedBy()).isEmpty();
    assertThat(successor.stateAt(NOW)).isEqualTo(ApiKeyState.ACTIVE);
  }

  @Test
  void givenKeyWithALifetime_rotate_givesTheSuccessorALifetimeOfTheSameLength() {
    ApiKey old = key(ApiKeySource.ISSUED, CREATED.plus(Duration.ofDays(90)));

    ApiKey successor = old.rotate(NEW_KEY, NOW, NOW.plus(Duration.ofDays(1))).successor();

    assertThat(successor.expiresAt()).contains(NOW.plus(Duration.ofDays(90)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(value = ApiKeySource.class, names = {"ISSUED", "GENERATED_BOOTSTRAP"})
  void givenServerManagedKey_rotate_keepsTheSource(ApiKeySource source) {
    ApiKey.Rotation rotation = key(source, null).rotate(NEW_KEY, NOW, NOW.plus(Duration.ofDays(1)));

    assertThat(rotation.successor().source()).isEqualTo(source);
    assertThat(rotation.replaced().source()).isEqualTo(source);
  }

  @Test
  void givenConfiguredKey_rotate_makesTheSuccessorAnIssuedKey() {
    // a configured key is owned by the configuration; its successor is managed by the server
    ApiKey.Rotation rotation = key(ApiKeySource.CONFIGURED, null).rotate(NEW_KEY, NOW, NOW.plus(Duration.ofDays(1)));

    assertThat(rotation.successor().source()).isEqualTo(ApiKeySource.ISSUED);
    assertThat(rotation.replaced().source()).isEqualTo(ApiKeySource.CONFIGURED);
  }

  @Test
  void givenKey_rotate_marksTheOldKeyReplacedAndUsableUntilTheOverlapEnds() {
    ApiKey old = key(ApiKeySource.ISSUED, null);
    Instant validUntil = NOW.plus(Duration.ofDays(1));

    ApiKey.Rotation rotation = old.rotate(NEW_KEY, NOW, validUntil);

    ApiKey replaced = rotation.replaced();
    assertThat(replaced.id()).isEqualTo(old.id());
    assertThat(replaced.hash()).isEqualTo(old.hash());
    assertThat(replaced.createdAt()).isEqualTo(CREATED);
    assertThat(replaced.replacedBy()).contains(rotation.successor().id());
    assertThat(replaced.expiresAt()).contains(validUntil);
    assertThat(replaced.stateAt(NOW)).isEqualTo(ApiKeyState.EXPIRING);
    assertThat(replaced.stateAt(validUntil.minusSeconds(1))).isEqualTo(ApiKeyState.EXPIRING);
    assertThat(replaced.stateAt(validUntil)).isEqualTo(ApiKeyState.EXPIRED);
    assertThat(old.replacedBy()).as("the original is untouched").isEmpty();
  }

  @Test
  void givenKeyExpiringWithinTheOverlap_rotate_capsTheOldKeyAtItsOwnExpiry() {
    Instant ownExpiry = NOW.plus(Duration.ofHours(2));
    ApiKey old = key(ApiKeySource.ISSUED, ownExpiry);

    ApiKey replaced = old.rotate(NEW_KEY, NOW, NOW.plus(Duration.ofDays(1))).replaced();

    assertThat(replaced.expiresAt()).contains(ownExpiry);
  }

  @Test
  void givenWeakNewSecret_rotate_refusesWithoutRevealingIt() {
    ApiKey old = key(ApiKeySource.ISSUED, null);

    assertThatThrownBy(() -> old.rotate("password1234", NOW, NOW.plus(Duration.ofDays(1))))
        .isInstanceOf(WeakApiKeyException.class)
        .hasMessageNotContaining("password1234");
  }
}
