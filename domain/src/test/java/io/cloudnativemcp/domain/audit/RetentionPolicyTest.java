package io.cloudnativemcp.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionPolicyTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @ParameterizedTest(name = "[{index}] {0} records -> {1} to delete")
  @CsvSource({"0, 0", "99, 0", "100, 0", "101, 1", "250, 150"})
  void givenCount_excess_isWhatExceedsMaxRecords(long count, long expected) {
    RetentionPolicy policy = new RetentionPolicy(100, Optional.empty(), 10);

    assertThat(policy.excess(count)).isEqualTo(expected);
  }

  @Test
  void givenNoMaxAge_cutoff_isEmpty() {
    assertThat(new RetentionPolicy(100, Optional.empty(), 10).cutoff(NOW)).isEmpty();
    assertThat(new RetentionPolicy(100, null, 10).cutoff(NOW)).isEmpty();
  }

  @Test
  void givenMaxAge_cutoff_isNowMinusTheMaxAge() {
    RetentionPolicy policy = new RetentionPolicy(100, Optional.of(Duration.ofDays(30)), 10);

    assertThat(policy.cutoff(NOW)).contains(NOW.minus(Duration.ofDays(30)));
  }

  @Test
  void givenInvalidLimits_new_refusesThem() {
    assertThatThrownBy(() -> new RetentionPolicy(0, Optional.empty(), 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxRecords must be positive");
    assertThatThrownBy(() -> new RetentionPolicy(100, Optional.of(Duration.ZERO), 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAge must be positive");
    assertThatThrownBy(() -> new RetentionPolicy(100, Optional.of(Duration.ofDays(-1)), 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAge must be positive");
    assertThatThrownBy(() -> new RetentionPolicy(100, Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("batchSize must be positive");
  }
}
