package io.cloudnativemcp.domain.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitPolicyTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(doubles = {0, -1, -0.001, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void givenRateThatIsNotAPositiveNumber_new_refusesIt(double rate) {
    assertThatThrownBy(() -> new RateLimitPolicy(rate, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requests_per_second must be a positive number");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void givenBurstBelowOne_new_refusesIt(int burst) {
    assertThatThrownBy(() -> new RateLimitPolicy(10, burst))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("burst must be at least 1");
  }

  @Test
  void givenSmallButValidValues_new_acceptsThem() {
    RateLimitPolicy policy = new RateLimitPolicy(0.01, 1);

    assertThat(policy.requestsPerSecond()).isEqualTo(0.01);
    assertThat(policy.burst()).isEqualTo(1);
  }

  @Test
  void givenSeedGuide_seedGuide_isOneHundredPerSecondWithBurstsOfTwoHundred() {
    assertThat(RateLimitPolicy.seedGuide()).isEqualTo(new RateLimitPolicy(100, 200));
  }
}
