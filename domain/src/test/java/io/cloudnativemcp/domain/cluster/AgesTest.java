package io.cloudnativemcp.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgesTest {
  private static final Instant CREATED = Instant.parse("2026-01-10T12:00:00Z");

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource({
    "PT0S, 0s",
    "PT45S, 45s",
    "PT1M59S, 119s",
    "PT2M, 2m",
    "PT59M59S, 59m",
    "PT1H, 1h",
    "PT3H20M, 3h20m",
    "PT9H59M, 9h59m",
    "PT10H30M, 10h",
    "PT23H59M, 23h",
    "PT24H, 1d",
    "PT29H, 1d5h",
    "P6D, 6d",
    "PT237H, 9d21h",
    "PT245H, 10d",
    "P400D, 400d"
  })
  void givenElapsedTime_between_formatsItLikeKubectl(Duration elapsed, String expected) {
    assertThat(Ages.between(CREATED, CREATED.plus(elapsed))).isEqualTo(expected);
  }

  @Test
  void givenCreationInTheFuture_between_saysZeroSeconds() {
    assertThat(Ages.between(CREATED, CREATED.minusSeconds(30))).isEqualTo("0s");
  }

  @Test
  void givenNoCreationTime_between_isNull() {
    assertThat(Ages.between(null, CREATED)).isNull();
  }
}
