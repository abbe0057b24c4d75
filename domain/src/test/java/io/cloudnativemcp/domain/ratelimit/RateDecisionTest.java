package io.cloudnativemcp.domain.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RateDecisionTest {

  static Stream<Arguments> waits() {
    return Stream.of(
        Arguments.of(Duration.ZERO, 1L),
        Arguments.of(Duration.ofNanos(1), 1L),
        Arguments.of(Duration.ofMillis(1), 1L),
        Arguments.of(Duration.ofMillis(999), 1L),
        Arguments.of(Duration.ofSeconds(1), 1L),
        Arguments.of(Duration.ofMillis(1001), 2L),
        Arguments.of(Duration.ofMillis(2500), 3L),
        Arguments.of(Duration.ofSeconds(60), 60L),
        Arguments.of(Duration.ofMinutes(2).plusMillis(1), 121L));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1} s")
  @MethodSource("waits")
  void givenWait_retryAfterSeconds_roundsUpToWholeSecondsAndIsAtLeastOne(Duration wait, long expected) {
    assertThat(RateDecision.refuse(wait, "principal").retryAfterSeconds()).isEqualTo(expected);
  }

  @Test
  void givenWaitWithSubMillisecondRemainder_retryAfterSeconds_stillRoundsUp() {
    assertThat(RateDecision.refuse(Duration.ofSeconds(2).plusNanos(300_000), "address").retryAfterSeconds())
        .isEqualTo(3);
    assertThat(RateDecision.refuse(Duration.ofSeconds(1).plusNanos(1), "address").retryAfterSeconds())
        .isEqualTo(2);
  }

  @Test
  void givenAllow_allow_hasNoWaitAndNoLimiter() {
    RateDecision decision = RateDecision.allow();

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.retryAfter()).isZero();
    assertThat(decision.limitedBy()).isNull();
  }

  @Test
  void givenRefusal_refuse_carriesWaitAndLimiter() {
    RateDecision decision = RateDecision.refuse(Duration.ofMillis(300), "address");

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.retryAfter()).isEqualTo(Duration.ofMillis(300));
    assertThat(decision.limitedBy()).isEqualTo("address");
  }
}
