package io.cloudnativemcp.domain.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  /** Practically no refill during a test: only the burst counts. */
  private static final double NO_REFILL = 0.000_001;

  /** Principals get {@code principalBurst} tokens, addresses {@code addressBurst}. */
  private static RateLimiter limiter(int principalBurst, int addressBurst) {
    return new RateLimiter(
        key -> key.startsWith("address:")
            ? new RateLimitPolicy(NO_REFILL, addressBurst)
            : new RateLimitPolicy(NO_REFILL, principalBurst));
  }

  @Test
  void givenBothBucketsWithTokens_tryAcquire_admits() {
    RateLimiter limiter = limiter(2, 2);

    RateDecision decision = limiter.tryAcquire(T0, "principal:alice", "address:10.0.0.7");

    assertThat(decision).isEqualTo(RateDecision.allow());
    assertThat(limiter.trackedBuckets()).isEqualTo(2);
  }

  @Test
  void givenSecondBucketEmpty_tryAcquire_refusesAndGivesTheFirstBucketItsTokenBack() {
    RateLimiter limiter = limiter(3, 1);
    assertThat(limiter.tryAcquire(T0, "principal:alice", "address:10.0.0.7").allowed()).isTrue();

    // the address is exhausted: every further request from it is refused by the address bucket
    for (int i = 0; i < 10; i++) {
      RateDecision refused = limiter.tryAcquire(T0, "principal:alice", "address:10.0.0.7");
      assertThat(refused.allowed()).isFalse();
      assertThat(refused.limitedBy()).isEqualTo("address");
    }

    // alice still has the two tokens the refused requests borrowed and returned
    assertThat(limiter.tryAcquire(T0, "principal:alice", "address:10.0.0.8").allowed()).isTrue();
    assertThat(limiter.tryAcquire(T0, "principal:alice", "address:10.0.0.9").allowed()).isTrue();
    RateDecision third = limiter.tryAcquire(T0, "principal:alice", "address:10.0.0.10");
    assertThat(third.allowed()).isFalse();
    assertThat(third.limitedBy()).isEqualTo("principal");
  }

  @Test
  void givenFirstBucketEmpty_tryAcquire_refusesWithoutTouchingTheSecond() {
    RateLimiter limiter = limiter(1, 2);
    limiter.tryAcquire(T0, "principal:alice", "address:10.0.0.7");

    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire(T0, "principal:alice", "address:10.0.0.7").limitedBy()).isEqualTo("principal");
    }

    assertThat(limiter.tryAcquire(T0, "principal:bob", "address:10.0.0.7").allowed()).isTrue();
    assertThat(limiter.tryAcquire(T0, "principal:carol", "address:10.0.0.7").limitedBy()).isEqualTo("address");
  }

  @Test
  void givenRefusal_tryAcquire_saysHowLongUntilTheRefusingBucketHasAToken() {
    RateLimiter limiter = RateLimiter.uniform(new RateLimitPolicy(4, 1));
    limiter.tryAcquire(T0, "principal:alice");

    RateDecision refused = limiter.tryAcquire(T0, "principal:alice");

    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(250));
    assertThat(limiter.tryAcquire(T0.plus(refused.retryAfter()), "principal:alice").allowed()).isTrue();
  }

  @Test
  void givenKeyWithoutKind_tryAcquire_reportsAnEmptyLimiterName() {
    RateLimiter limiter = RateLimiter.uniform(new RateLimitPolicy(NO_REFILL, 1));
    limiter.tryAcquire(T0, "nokind");

    assertThat(limiter.tryAcquire(T0, "nokind").limitedBy()).isEmpty();
  }

  @Test
  void givenThreeTimesTheRateForTenSeconds_tryAcquire_admitsRateTimesTenPlusBurstWithinOnePercent() {
    RateLimitPolicy policy = new RateLimitPolicy(100, 200);
    RateLimiter limiter = RateLimiter.uniform(policy);
    int requests = 3_000; // 300 per second for 10 s
    long stepNanos = Duration.ofSeconds(10).toNanos() / requests;

    int admitted = 0;
    for (int i = 0; i < requests; i++) {
      if (limiter.tryAcquire(T0.plusNanos(i * stepNanos), "principal:alice", "address:10.0.0.7").allowed()) {
        admitted++;
      }
    }

    double expected = policy.requestsPerSecond() * 10 + policy.burst();
    assertThat((double) admitted).isBetween(expected * 0.99, expected * 1.01);
  }

  @Test
  void givenBucketsIdleLongerThanAFullRefill_evictIdle_dropsThemAndKeepsActiveOnes() {
    // 5 tokens at 10 per second: full again after 0.5 s; eviction waits another second
    RateLimiter limiter = RateLimiter.uniform(new RateLimitPolicy(10, 5));
    limiter.tryAcquire(T0, "principal:idle");
    limiter.tryAcquire(T0.plusMillis(1400), "principal:active");

    limiter.evictIdle(T0.plusMillis(1500));
    assertThat(limiter.trackedBuckets()).as("exactly at the limit").isEqualTo(2);

    limiter.evictIdle(T0.plusMillis(1501));
    assertThat(limiter.trackedBuckets()).isEqualTo(1);

    limiter.evictIdle(T0.plusMillis(2901));
    assertThat(limiter.trackedBuckets()).isZero();
  }

  @Test
  void givenEvictedBucket_tryAcquire_startsAFullOneAgain() {
    RateLimiter limiter = RateLimiter.uniform(new RateLimitPolicy(10, 2));
    limiter.tryAcquire(T0, "principal:alice");
    limiter.tryAcquire(T0, "principal:alice");
    Instant later = T0.plusSeconds(10);
    limiter.evictIdle(later);
    assertThat(limiter.trackedBuckets()).isZero();

    assertThat(limiter.tryAcquire(later, "principal:alice").allowed()).isTrue();
    assertThat(limiter.tryAcquire(later, "principal:alice").allowed()).isTrue();
    assertThat(limiter.tryAcquire(later, "principal:alice").allowed()).isFalse();
  }

  @Test
  void givenPolicyPerKey_tryAcquire_appliesEachKeysOwnPolicy() {
    RateLimiter limiter = limiter(1, 3);

    assertThat(limiter.tryAcquire(T0, "address:10.0.0.7").allowed()).isTrue();
    assertThat(limiter.tryAcquire(T0, "address:10.0.0.7").allowed()).isTrue();
    assertThat(limiter.tryAcquire(T0, "address:10.0.0.7").allowed()).isTrue();
    assertThat(limiter.tryAcquire(T0, "address:10.0.0.7").allowed()).isFalse();
    assertThat(limiter.tryAcquire(T0, "principal:alice").allowed()).isTrue();
    assertThat(limiter.tryAcquire(T0, "principal:alice").allowed()).isFalse();
  }
}
