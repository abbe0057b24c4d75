package io.cloudnativemcp.domain.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthFailureMonitorTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final String ADDRESS = "10.0.0.7";
  private static final Duration WINDOW = Duration.ofSeconds(60);
  private static final Duration BLOCK = Duration.ofSeconds(300);

  private final AuthFailureMonitor monitor = new AuthFailureMonitor(3, WINDOW, BLOCK);

  private List<Alert> failAt(int secondsAfterStart) {
    return monitor.recordFailure(ADDRESS, Optional.empty(), T0.plusSeconds(secondsAfterStart));
  }

  @Test
  void givenFailuresBelowTheThreshold_recordFailure_raisesNothingAndBlocksNothing() {
    assertThat(failAt(0)).isEmpty();
    assertThat(failAt(10)).isEmpty();

    assertThat(monitor.blockedUntil(ADDRESS, T0.plusSeconds(10))).isEmpty();
    assertThat(monitor.failuresInWindow("address:" + ADDRESS, T0.plusSeconds(10))).isEqualTo(2);
  }

  @Test
  void givenThresholdReachedWithinTheWindow_recordFailure_raisesOneCriticalAlertAndBlocksTheAddress() {
    failAt(0);
    failAt(10);

    List<Alert> alerts = failAt(20);

    assertThat(alerts).hasSize(1);
    Alert alert = alerts.get(0);
    assertThat(alert.type()).isEqualTo(AlertType.AUTH_FAILURES);
    assertThat(alert.severity()).isEqualTo("critical");
    assertThat(alert.subject()).isEqualTo("address:10.0.0.7");
    assertThat(alert.at()).isEqualTo(T0.plusSeconds(20));
    assertThat(alert.message())
        .isEqualTo("3 failed authentications within 60 s for address:10.0.0.7; address 10.0.0.7 blocked for 300 s");
    assertThat(alert.details())
        .isEqualTo(
            Map.of(
                "failures", "3",
                "threshold", "3",
                "windowSeconds", "60",
                "blockedAddress", "10.0.0.7",
                "blockSeconds", "300"));
    assertThat(monitor.blockedUntil(ADDRESS, T0.plusSeconds(20))).contains(T0.plusSeconds(320));
  }

  @Test
  void givenContinuingFailures_recordFailure_raisesExactlyOneAlertPerWindowPerSubject() {
    List<Instant> alertTimes = new ArrayList<>();
    for (int t = 0; t <= 130; t += 10) {
      failAt(t).forEach(a -> alertTimes.add(a.at()));
    }

    // at 20 s the threshold is reached; the next alert is due a full window later
    assertThat(alertTimes).containsExactly(T0.plusSeconds(20), T0.plusSeconds(80));
  }

  @Test
  void givenFailuresSpreadWiderThanTheWindow_recordFailure_countsOnlyThoseInsideIt() {
    failAt(0);
    failAt(30);

    // the failure at 0 s is exactly one window old at 60 s and no longer counts
    List<Alert> alerts = failAt(60);

    assertThat(alerts).isEmpty();
    assertThat(monitor.failuresInWindow("address:" + ADDRESS, T0.plusSeconds(60))).isEqualTo(2);
    assertThat(monitor.blockedUntil(ADDRESS, T0.plusSeconds(60))).isEmpty();
    assertThat(failAt(61)).hasSize(1);
  }

  @Test
  void givenBlockedAddress_blockedUntil_releasesItAfterTheBlockDuration() {
    failAt(0);
    failAt(1);
    failAt(2);

    assertThat(monitor.blockedUntil(ADDRESS, T0.plusSeconds(2 + 299))).contains(T0.plusSeconds(302));
    assertThat(monitor.blockedUntil(ADDRESS, T0.plusSeconds(302))).isEmpty();
    assertThat(monitor.blockedUntil(ADDRESS, T0.plusSeconds(303))).isEmpty();
  }

  @Test
  void givenBlockedAddress_blockedUntil_leavesOtherAddressesAlone() {
    failAt(0);
    failAt(1);
    failAt(2);

    assertThat(monitor.blockedUntil("10.0.0.8", T0.plusSeconds(3))).isEmpty();
  }

  @Test
  void givenZeroBlockDuration_recordFailure_alertsButNeverBlocks() {
    AuthFailureMonitor noBlocks = new AuthFailureMonitor(2, WINDOW, Duration.ZERO);
    noBlocks.recordFailure(ADDRESS, Optional.of("alice"), T0);

    List<Alert> alerts = noBlocks.recordFailure(ADDRESS, Optional.of("alice"), T0.plusSeconds(1));

    assertThat(alerts).extracting(Alert::subject).containsExactly("address:10.0.0.7", "principal:alice");
    assertThat(alerts).allSatisfy(a -> {
      assertThat(a.message()).doesNotContain("blocked");
      assertThat(a.details()).containsEntry("blockedAddress", "").containsEntry("blockSeconds", "0");
    });
    assertThat(noBlocks.blockedUntil(ADDRESS, T0.plusSeconds(1))).isEmpty();
  }

  @Test
  void givenFailuresForOnePrincipalFromManyAddresses_recordFailure_alertsOnThePrincipalAndBlocksOnlyTheLastAddress() {
    monitor.recordFailure("10.0.0.1", Optional.of("alice"), T0);
    monitor.recordFailure("10.0.0.2", Optional.of("alice"), T0.plusSeconds(1));

    List<Alert> alerts = monitor.recordFailure("10.0.0.3", Optional.of("alice"), T0.plusSeconds(2));

    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).subject()).isEqualTo("principal:alice");
    assertThat(alerts.get(0).details()).containsEntry("blockedAddress", "10.0.0.3");
    Instant now = T0.plusSeconds(3);
    assertThat(monitor.blockedUntil("10.0.0.3", now)).isPresent();
    assertThat(monitor.blockedUntil("10.0.0.1", now)).isEmpty();
    assertThat(monitor.blockedUntil("10.0.0.2", now)).isEmpty();
    // the principal itself is never blocked: it may still sign in from a fresh address
    assertThat(monitor.blockedUntil("alice", now)).isEmpty();
    assertThat(monitor.blockedUntil("10.0.0.4", now)).isEmpty();
  }

  @Test
  void givenAlerts_recordFailure_putsOnlyCountsAndAddressesInTextAndDetails() {
    String claimed = "alice";
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      alerts.addAll(monitor.recordFailure("2001:db8::7", Optional.of(claimed), T0.plusSeconds(i)));
    }

    assertThat(alerts).hasSize(2);
    for (Alert alert : alerts) {
      assertThat(alert.details().keySet())
          .containsExactlyInAnyOrder("failures", "threshold", "windowSeconds", "blockedAddress", "blockSeconds");
      assertThat(alert.details()).allSatisfy((k, v) -> assertThat(v).matches("\\d+|2001:db8::7"));
      assertThat(alert.message())
          .matches("\\d+ failed authentications within \\d+ s for (address:2001:db8::7|principal:alice)"
              + "; address 2001:db8::7 blocked for \\d+ s");
    }
  }

  @Test
  void givenFailuresOfDifferentAddresses_recordFailure_countsThemSeparately() {
    monitor.recordFailure("10.0.0.1", Optional.empty(), T0);
    monitor.recordFailure("10.0.0.2", Optional.empty(), T0);
    monitor.recordFailure("10.0.0.1", Optional.empty(), T0);

    assertThat(monitor.recordFailure("10.0.0.2", Optional.empty(), T0)).isEmpty();
    assertThat(monitor.failuresInWindow("address:10.0.0.1", T0)).isEqualTo(2);
    assertThat(monitor.failuresInWindow("address:10.0.0.2", T0)).isEqualTo(2);
    assertThat(monitor.failuresInWindow("address:10.0.0.3", T0)).isZero();
  }

  @Test
  void givenRepeatedAlertsAfterTheWindow_recordFailure_extendsTheBlock() {
    AuthFailureMonitor m = new AuthFailureMonitor(1, WINDOW, BLOCK);
    m.recordFailure(ADDRESS, Optional.empty(), T0);

    m.recordFailure(ADDRESS, Optional.of("alice"), T0.plusSeconds(100));

    assertThat(m.blockedUntil(ADDRESS, T0.plusSeconds(101))).contains(T0.plusSeconds(400));
  }

  @Test
  void givenInvalidSettings_new_refusesThem() {
    assertThatThrownBy(() -> new AuthFailureMonitor(0, WINDOW, BLOCK)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuthFailureMonitor(3, Duration.ZERO, BLOCK)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuthFailureMonitor(3, Duration.ofSeconds(-1), BLOCK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuthFailureMonitor(3, WINDOW, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuthFailureMonitor(3, null, BLOCK)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenSeedGuide_seedGuide_alertsAfterFiveFailuresInFiveMinutesAndBlocksFiveMinutes() {
    AuthFailureMonitor seed = AuthFailureMonitor.seedGuide();
    for (int i = 0; i < 4; i++) {
      assertThat(seed.recordFailure(ADDRESS, Optional.empty(), T0.plusSeconds(i * 60L))).isEmpty();
    }

    List<Alert> alerts = seed.recordFailure(ADDRESS, Optional.empty(), T0.plusSeconds(299));

    assertThat(alerts).hasSize(1);
    assertThat(seed.blockedUntil(ADDRESS, T0.plusSeconds(299))).contains(T0.plusSeconds(599));
  }
}
