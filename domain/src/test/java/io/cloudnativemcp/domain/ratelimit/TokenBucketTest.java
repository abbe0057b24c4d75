package io.cloudnativemcp.domain.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenBucketTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private static TokenBucket bucket(double rate, int burst) {
    return new TokenBucket(new RateLimitPolicy(rate, burst), T0);
  }

  @Test
  void givenNewBucket_tryTake_admitsTheWholeBurstAtOnceAndThenRefuses() {
    TokenBucket bucket = bucket(10, 5);

    for (int i = 0; i < 5; i++) {
      assertThat(bucket.tryTake(T0)).as("request %d", i + 1).isZero();
    }
    Duration refused = bucket.tryTake(T0);

    assertThat(refused).isEqualTo(Duration.ofMillis(100));
    assertThat(bucket.available(T0)).isZero();
  }

  @Test
  void givenEmptyBucket_tryTake_refillsContinuouslyAtThePolicyRate() {
    TokenBucket bucket = bucket(10, 5);
    for (int i = 0; i < 5; i++) {
      bucket.tryTake(T0);
    }
    Instant later = T0.plusMillis(250);

    assertThat(bucket.available(later)).isCloseTo(2.5, offset(1e-9));
    assertThat(bucket.tryTake(later)).isZero();
    assertThat(bucket.tryTake(later)).isZero();
    // half a token left: half of a tenth of a second to wait
    assertThat(bucket.tryTake(later)).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void givenLongIdleTime_available_neverExceedsTheBurst() {
    TokenBucket bucket = bucket(10, 5);
    bucket.tryTake(T0);

    assertThat(bucket.available(T0.plus(Duration.ofHours(1)))).isEqualTo(5.0);
    for (int i = 0; i < 5; i++) {
      assertThat(bucket.tryTake(T0.plus(Duration.ofHours(1)))).isZero();
    }
    assertThat(bucket.tryTake(T0.plus(Duration.ofHours(1)))).isPositive();
  }

  @ParameterizedTest(name = "[{index}] {0} requests per second")
  @ValueSource(doubles = {0.5, 1, 3, 7, 100, 1234.5})
  void givenRefusal_tryTake_succeedsAfterTheAdvisedWaitAndNotBefore(double rate) {
    TokenBucket bucket = bucket(rate, 1);
    assertThat(bucket.tryTake(T0)).isZero();

    Duration wait = bucket.tryTake(T0);

    assertThat(wait).isPositive();
    TokenBucket probe = bucket(rate, 1);
    probe.tryTake(T0);
    assertThat(probe.tryTake(T0.plus(wait).minusNanos(1_000))).as("a microsecond early").isPositive();
    assertThat(bucket.tryTake(T0.plus(wait))).as("after the advised wait").isZero();
  }

  @Test
  void givenRefusal_tryTake_advisesTheTimeOfTheMissingFractionOnly() {
    TokenBucket bucket = bucket(2, 1);
    bucket.tryTake(T0);

    // a quarter of a second adds half a token; the other half takes another quarter second
    assertThat(bucket.tryTake(T0.plusMillis(250))).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void givenTakenToken_giveBack_returnsIt() {
    TokenBucket bucket = bucket(0.001, 2);
    bucket.tryTake(T0);
    bucket.tryTake(T0);
    assertThat(bucket.tryTake(T0)).isPositive();

    bucket.giveBack();

    assertThat(bucket.available(T0)).isEqualTo(1.0);
    assertThat(bucket.tryTake(T0)).isZero();
  }

  @Test
  void givenFullBucket_giveBack_staysAtTheBurst() {
    TokenBucket bucket = bucket(1, 3);

    bucket.giveBack();
    bucket.giveBack();

    assertThat(bucket.available(T0)).isEqualTo(3.0);
  }

  @Test
  void givenClockGoingBackwards_available_addsNoTokens() {
    TokenBucket bucket = bucket(10, 5);
    for (int i = 0; i < 5; i++) {
      bucket.tryTake(T0);
    }

    assertThat(bucket.available(T0.minusSeconds(60))).isZero();
    assertThat(bucket.tryTake(T0.minusSeconds(60))).isPositive();
  }

  @Test
  void givenAnyAttempt_tryTake_updatesLastUsedEvenWhenRefused() {
    TokenBucket bucket = bucket(0.001, 1);
    bucket.tryTake(T0);
    Instant later = T0.plusSeconds(5);

    bucket.tryTake(later);

    assertThat(bucket.lastUsed()).isEqualTo(later);
  }
}
