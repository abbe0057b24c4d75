package io.cloudnativemcp.domain.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.cloudnativemcp.domain.tool.ToolRisk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Synthetic time series: minute {@code m} of a principal starts at {@code T0 + m minutes}. */
class AnomalyDetectorTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final String ALICE = "alice";
  private static final int BASELINE = 40;

  private static Instant minute(int m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  private static CallObservation read(String principal, String namespace, boolean failed, Instant at) {
    return new CallObservation(principal, "kubernetes_get_resource", ToolRisk.READ_ONLY, namespace, failed, at);
  }

  /** {@code count} successful read calls by alice spread over the minute starting at {@code start}. */
  private static List<Alert> callsInMinute(AnomalyDetector detector, Instant start, int count) {
    List<Alert> alerts = new ArrayList<>();
    long spacingMillis = Math.max(1, 50_000 / Math.max(1, count));
    for (int i = 0; i < count; i++) {
      alerts.addAll(detector.observe(read(ALICE, null, false, start.plusMillis(i * spacingMillis))));
    }
    return alerts;
  }

  /** Steady minutes of {@code perMinute} calls from minute 0 to {@code minutes - 1}. */
  private static List<Alert> steady(AnomalyDetector detector, int minutes, int perMinute) {
    List<Alert> alerts = new ArrayList<>();
    for (int m = 0; m < minutes; m++) {
      alerts.addAll(callsInMinute(detector, minute(m), perMinute));
    }
    return alerts;
  }

  private static List<AlertType> types(List<Alert> alerts) {
    return alerts.stream().map(Alert::type).toList();
  }

  // ---- burst -------------------------------------------------------------------------------

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Sensitivity.class)
  void givenWarmSteadyBaseline_observe_raisesCallBurstOnlyAboveFactorTimesBaseline(Sensitivity sensitivity) {
    AnomalyDetector detector = new AnomalyDetector(sensitivity);
    assertThat(steady(detector, 5, BASELINE)).isEmpty();
    int limit = (int) Math.round(BASELINE * sensitivity.burstFactor);
    assertThat(limit).as("the baseline rule must be the binding one").isGreaterThan(sensitivity.minBurstCalls);

    List<Alert> atLimit = callsInMinute(detector, minute(5), limit);
    List<Alert> oneMore = detector.observe(read(ALICE, null, false, minute(5).plusSeconds(55)));

    assertThat(detector.baselinePerMinute(ALICE)).isEqualTo(BASELINE);
    assertThat(atLimit).isEmpty();
    assertThat(oneMore).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.CALL_BURST);
      assertThat(alert.subject()).isEqualTo("principal:alice");
      assertThat(alert.severity()).isEqualTo("warning");
      assertThat(alert.details())
          .containsEntry("callsThisMinute", String.valueOf(limit + 1))
          .containsEntry("limit", String.valueOf(limit));
    });
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Sensitivity.class)
  void givenHistoryShorterThanTheWarmUp_observe_judgesABurstByTheAbsoluteMinimumOnly(Sensitivity sensitivity) {
    AnomalyDetector detector = new AnomalyDetector(sensitivity);
    steady(detector, AnomalyDetector.WARM_UP_MINUTES - 1, BASELINE);

    // more than the minimum, less than factor x baseline: a burst only while the baseline is not trusted yet
    List<Alert> alerts = callsInMinute(detector, minute(AnomalyDetector.WARM_UP_MINUTES - 1), sensitivity.minBurstCalls + 1);

    assertThat(types(alerts)).containsExactly(AlertType.CALL_BURST);
    assertThat(alerts.get(0).details()).containsEntry("limit", String.valueOf(sensitivity.minBurstCalls));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Sensitivity.class)
  void givenWarmBaseline_observe_doesNotCallTheSameVolumeABurst(Sensitivity sensitivity) {
    AnomalyDetector detector = new AnomalyDetector(sensitivity);
    steady(detector, AnomalyDetector.WARM_UP_MINUTES, BASELINE);

    List<Alert> alerts = callsInMinute(detector, minute(AnomalyDetector.WARM_UP_MINUTES), sensitivity.minBurstCalls + 1);

    assertThat(alerts).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Sensitivity.class)
  void givenLowBaseline_observe_needsMoreThanTheAbsoluteMinimumForABurst(Sensitivity sensitivity) {
    AnomalyDetector detector = new AnomalyDetector(sensitivity);
    steady(detector, 5, 2);

    List<Alert> atMinimum = callsInMinute(detector, minute(5), sensitivity.minBurstCalls);
    List<Alert> oneMore = detector.observe(read(ALICE, null, false, minute(5).plusSeconds(58)));

    assertThat(atMinimum).isEmpty();
    assertThat(types(oneMore)).containsExactly(AlertType.CALL_BURST);
  }

  @Test
  void givenIdleMinutes_observe_decaysTheBaselineTowardsZero() {
    AnomalyDetector detector = new AnomalyDetector(Sensitivity.MEDIUM);
    steady(detector, 4, BASELINE);
    assertThat(detector.baselinePerMinute(ALICE)).isEqualTo(BASELINE);

    // minute 3 closes with 40 calls, then minutes 4 and 5 count as idle
    detector.observe(read(ALICE, null, false, minute(6)));

    assertThat(detector.baselinePerMinute(ALICE)).isCloseTo(BASELINE * 0.7 * 0.7, offset(1e-9));
    assertThat(detector.baselinePerMinute("nobody")).isZero();
  }

  // ---- error rate --------------------------------------------------------------------------

  static Stream<Arguments> errorRates() {
    // sensitivity, calls needed, failures among them that reach the rate
    return Stream.of(
        Arguments.of(Sensitivity.LOW, 50, 40),
        Arguments.of(Sensitivity.MEDIUM, 20, 10),
        Arguments.of(Sensitivity.HIGH, 10, 3));
  }

  private static List<Alert> successesThenFailures(AnomalyDetector detector, int successes, int failures) {
    List<Alert> alerts = new ArrayList<>();
    int i = 0;
    for (; i < successes; i++) {
      alerts.addAll(detector.observe(read(ALICE, null, false, T0.plusMillis(i * 100L))));
    }
    for (int f = 0; f < failures; f++, i++) {
      alerts.addAll(detector.observe(read(ALICE, null, true, T0.plusMillis(i * 100L))));
    }
    return alerts;
  }

  @ParameterizedTest(name = "[{index}] {0}: {2} of {1}")
  @MethodSource("errorRates")
  void givenShareOfFailuresReachingTheRate_observe_raisesErrorRate(Sensitivity sensitivity, int calls, int failures) {
    AnomalyDetector detector = new AnomalyDetector(sensitivity);

    List<Alert> alerts = successesThenFailures(detector, calls - failures, failures);

    assertThat(alerts).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.ERROR_RATE);
      assertThat(alert.details())
          .containsEntry("failures", String.valueOf(failures))
          .containsEntry("calls", String.valueOf(calls));
    });
  }

  @ParameterizedTest(name = "[{index}] {0}: {2} of {1}")
  @MethodSource("errorRates")
  void givenShareOfFailuresJustBelowTheRate_observe_staysQuiet(Sensitivity sensitivity, int calls, int failures) {
    AnomalyDetector detector = new AnomalyDetector(sensitivity);

    assertThat(successesThenFailures(detector, calls - failures + 1, failures - 1)).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}: {1} calls needed")
  @MethodSource("errorRates")
  void givenFewerCallsThanNeeded_observe_ignoresEvenOnlyFailures(Sensitivity sensitivity, int calls, int failures) {
    AnomalyDetector detector = new AnomalyDetector(sensitivity);

    assertThat(successesThenFailures(detector, 0, calls - 1)).isEmpty();
    assertThat(types(detector.observe(read(ALICE, null, true, T0.plusSeconds(30))))).containsExactly(AlertType.ERROR_RATE);
  }

  // ---- first destructive use ---------------------------------------------------------------

  private static CallObservation delete(String principal, Instant at) {
    return new CallObservation(principal, "kubernetes_delete_resource", ToolRisk.DESTRUCTIVE, "shop", false, at);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(value = Sensitivity.class, names = {"MEDIUM", "HIGH"})
  void givenMediumOrHighSensitivity_observe_flagsOnlyTheFirstDestructiveCall(Sensitivity sensitivity) {
    AnomalyDetector detector = new AnomalyDetector(sensitivity);
    assertThat(detector.observe(
            new CallObservation(ALICE, "kubernetes_scale", ToolRisk.MUTATING, "shop", false, T0))).isEmpty();

    List<Alert> first = detector.observe(delete(ALICE, T0.plusSeconds(1)));
    List<Alert> again = detector.observe(delete(ALICE, T0.plusSeconds(2)));
    List<Alert> muchLater = detector.observe(delete(ALICE, T0.plus(Duration.ofHours(5))));

    assertThat(first).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.FIRST_DESTRUCTIVE_USE);
      assertThat(alert.details()).containsEntry("tool", "kubernetes_delete_resource").containsEntry("namespace", "shop");
    });
    assertThat(again).isEmpty();
    assertThat(muchLater).isEmpty();
    assertThat(types(detector.observe(delete("bob", T0.plusSeconds(3))))).containsExactly(AlertType.FIRST_DESTRUCTIVE_USE);
  }

  @Test
  void givenLowSensitivity_observe_neverFlagsDestructiveCalls() {
    AnomalyDetector detector = new AnomalyDetector(Sensitivity.LOW);

    assertThat(detector.observe(delete(ALICE, T0))).isEmpty();
    assertThat(detector.observe(delete(ALICE, T0.plusSeconds(1)))).isEmpty();
  }

  // ---- namespaces --------------------------------------------------------------------------

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Sensitivity.class)
  void givenManyNamespacesWithinAMinute_observe_raisesNamespaceSpread(Sensitivity sensitivity) {
    AnomalyDetector detector = new AnomalyDetector(sensitivity);
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < sensitivity.namespaceSpread; i++) {
      alerts.addAll(detector.observe(read(ALICE, "ns-" + i, false, T0.plusSeconds(i))));
      alerts.addAll(detector.observe(read(ALICE, "ns-" + i, false, T0.plusSeconds(i))));
    }
    assertThat(alerts).as("up to the threshold").isEmpty();

    List<Alert> oneMore = detector.observe(read(ALICE, "ns-extra", false, T0.plusSeconds(40)));

    assertThat(oneMore).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.NAMESPACE_SPREAD);
      assertThat(alert.details())
          .containsEntry("namespaces", String.valueOf(sensitivity.namespaceSpread + 1))
          .containsEntry("threshold", String.valueOf(sensitivity.namespaceSpread));
    });
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Sensitivity.class)
  void givenNamespacesSpreadOverSeveralMinutes_observe_countsEachMinuteOnItsOwn(Sensitivity sensitivity) {
    AnomalyDetector detector = new AnomalyDetector(sensitivity);
    List<Alert> alerts = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      for (int i = 0; i < sensitivity.namespaceSpread; i++) {
        alerts.addAll(detector.observe(read(ALICE, "ns-" + m + "-" + i, false, minute(m).plusSeconds(i))));
      }
    }

    assertThat(types(alerts)).doesNotContain(AlertType.NAMESPACE_SPREAD);
  }

  /** 10 calls a minute in {@code shop} for {@code minutes} minutes. */
  private static void establish(AnomalyDetector detector, int minutes, int perMinute) {
    for (int m = 0; m < minutes; m++) {
      for (int i = 0; i < perMinute; i++) {
        detector.observe(read(ALICE, "shop", false, minute(m).plusSeconds(i)));
      }
    }
  }

  @Test
  void givenEstablishedPrincipalAndHighSensitivity_observe_flagsANamespaceNeverUsedBefore() {
    AnomalyDetector detector = new AnomalyDetector(Sensitivity.HIGH);
    establish(detector, 4, 10);

    List<Alert> known = detector.observe(read(ALICE, "shop", false, minute(4)));
    List<Alert> unknown = detector.observe(read(ALICE, "payments", false, minute(4).plusSeconds(1)));
    List<Alert> secondUse = detector.observe(read(ALICE, "payments", false, minute(20)));

    assertThat(known).isEmpty();
    assertThat(unknown).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.NAMESPACE_SPREAD);
      assertThat(alert.details()).containsEntry("namespace", "payments");
      assertThat(alert.message()).contains("payments").contains("first time");
    });
    assertThat(secondUse).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(value = Sensitivity.class, names = {"LOW", "MEDIUM"})
  void givenEstablishedPrincipalBelowHighSensitivity_observe_ignoresANewNamespace(Sensitivity sensitivity) {
    AnomalyDetector detector = new AnomalyDetector(sensitivity);
    establish(detector, 4, 10);

    assertThat(detector.observe(read(ALICE, "payments", false, minute(4)))).isEmpty();
  }

  @Test
  void givenPrincipalWithTooShortAHistory_observe_ignoresANewNamespaceEvenOnHigh() {
    AnomalyDetector detector = new AnomalyDetector(Sensitivity.HIGH);
    establish(detector, 2, 15); // 30 calls, but only two finished minutes

    assertThat(detector.observe(read(ALICE, "payments", false, minute(2)))).isEmpty();
  }

  @Test
  void givenPrincipalWithTooFewCalls_observe_ignoresANewNamespaceEvenOnHigh() {
    AnomalyDetector detector = new AnomalyDetector(Sensitivity.HIGH);
    establish(detector, 5, 3); // five minutes, but only 15 calls (16 with this one)

    assertThat(detector.observe(read(ALICE, "payments", false, minute(5)))).isEmpty();
  }

  // ---- cooldown ----------------------------------------------------------------------------

  @Test
  void givenAlertRaised_observe_suppressesTheSameAlertForTenMinutes() {
    AnomalyDetector detector = new AnomalyDetector(Sensitivity.HIGH);
    List<Alert> alerts = new ArrayList<>();

    // every minute: 12 failed calls, one second apart; the tenth reaches the error rate
    for (int m = 0; m <= 20; m++) {
      for (int i = 0; i < 12; i++) {
        alerts.addAll(detector.observe(read(ALICE, null, true, minute(m).plusSeconds(i))));
      }
    }

    assertThat(alerts).extracting(Alert::type).containsOnly(AlertType.ERROR_RATE);
    assertThat(alerts)
        .extracting(Alert::at)
        .containsExactly(minute(0).plusSeconds(9), minute(10).plusSeconds(9), minute(20).plusSeconds(9));
  }

  @Test
  void givenAlertOfOneKind_observe_doesNotSuppressOtherKindsOrOtherPrincipals() {
    AnomalyDetector detector = new AnomalyDetector(Sensitivity.HIGH);
    for (int i = 0; i < 10; i++) {
      detector.observe(read(ALICE, null, true, T0.plusSeconds(i)));
    }

    List<Alert> destructive = detector.observe(delete(ALICE, T0.plusSeconds(20)));
    List<Alert> bob = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      bob.addAll(detector.observe(read("bob", null, true, T0.plusSeconds(30 + i))));
    }

    assertThat(types(destructive)).containsExactly(AlertType.FIRST_DESTRUCTIVE_USE);
    assertThat(bob).singleElement().extracting(Alert::subject).isEqualTo("principal:bob");
  }

  @Test
  void givenCallBurst_observe_raisesItOnceAndNotAgainWithinTheCooldown() {
    AnomalyDetector detector = new AnomalyDetector(Sensitivity.HIGH);
    steady(detector, 5, BASELINE);

    List<Alert> burst = callsInMinute(detector, minute(5), 200);
    List<Alert> nextMinute = callsInMinute(detector, minute(6), 400);

    assertThat(types(burst)).containsExactly(AlertType.CALL_BURST);
    assertThat(nextMinute).isEmpty();
  }
}
