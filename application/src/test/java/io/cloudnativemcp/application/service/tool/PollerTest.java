package io.cloudnativemcp.application.service.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.service.tool.ToolTests.RecordingInteraction;
import io.cloudnativemcp.domain.principal.PrincipalFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T15:00:00Z"));
  private final List<Duration> sleeps = new ArrayList<>();
  private final Poller poller = new Poller(clock, d -> {
    sleeps.add(d);
    clock.advance(d);
  });

  @Test
  void givenSomethingThatNeverHappens_until_stopsAtTheDeadlineInOneSecondSlices() {
    Poller.Outcome o = poller.until(Duration.ofSeconds(7), Duration.ofSeconds(5), ToolCall.of(PrincipalFixtures.admin()), "x", () -> Poller.Look.waiting("no"));

    assertThat(o.end()).isEqualTo(Poller.End.TIMED_OUT);
    assertThat(o.looks()).isEqualTo(3);
    assertThat(o.waited()).isEqualTo(Duration.ofSeconds(7));
    assertThat(sleeps).allMatch(d -> d.compareTo(Poller.SLICE) <= 0);
    assertThat(Poller.describe(o, "Waiting", Duration.ofSeconds(7))).isEqualTo("Waiting: not done within 7s (last seen: no).");
  }

  @Test
  void givenACancellationDuringASleep_until_stopsWithinASlice() {
    RecordingInteraction client = new RecordingInteraction();
    AtomicInteger looks = new AtomicInteger();
    Poller cancelling = new Poller(clock, d -> {
      clock.advance(d);
      if (sleeps.size() == 2) {
        client.cancelAfterProgress = true;
        client.progress(0, null, "cancel now");
      }
      sleeps.add(d);
    });

    Poller.Outcome o = cancelling.until(Duration.ofSeconds(60), Duration.ofSeconds(10), new ToolCall(PrincipalFixtures.admin(), client), "x",
        () -> Poller.Look.waiting("look " + looks.incrementAndGet()));

    assertThat(o.end()).isEqualTo(Poller.End.CANCELLED);
    assertThat(o.waited()).isLessThanOrEqualTo(Duration.ofSeconds(4));
    assertThat(looks).hasValue(1);
  }

  @Test
  void givenSuccessAndFailure_until_endsAtOnce() {
    assertThat(poller.until(Duration.ofSeconds(5), Duration.ofSeconds(1), ToolCall.of(PrincipalFixtures.admin()), "x", () -> Poller.Look.done("yes")).end())
        .isEqualTo(Poller.End.DONE);
    assertThat(poller.until(Duration.ofSeconds(5), Duration.ofSeconds(1), ToolCall.of(PrincipalFixtures.admin()), "x", () -> Poller.Look.failed("no")).end())
        .isEqualTo(Poller.End.FAILED);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void givenARealClock_until_neverSleepsANegativeTime() {
    Poller real = new Poller(java.time.Clock.systemUTC(), d -> {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("slept " + d);
      }
      Thread.sleep(d.toMillis() == 0 ? 1 : Math.min(d.toMillis(), 5));
    });

    Poller.Outcome o = real.until(Duration.ofMillis(300), Duration.ofMillis(7), ToolCall.of(PrincipalFixtures.admin()), "x", () -> Poller.Look.waiting("no"));

    assertThat(o.end()).isEqualTo(Poller.End.TIMED_OUT);
  }
}
