package io.cloudnativemcp.application.service.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.port.out.CountingMetricsRecorder;
import io.cloudnativemcp.application.port.out.RecordingAlertPublisher;
import io.cloudnativemcp.application.settings.MonitoringSettings;
import io.cloudnativemcp.domain.monitoring.Alert;
import io.cloudnativemcp.domain.monitoring.AlertType;
import io.cloudnativemcp.domain.monitoring.CallObservation;
import io.cloudnativemcp.domain.monitoring.Sensitivity;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityMonitorTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String ADDRESS = "10.0.0.7";

  private final RecordingAlertPublisher publisher = new RecordingAlertPublisher();
  private final CountingMetricsRecorder metrics = new CountingMetricsRecorder();

  private SecurityMonitor monitor(boolean anomalyDetection, Duration block) {
    return new SecurityMonitor(
        new MonitoringSettings(3, Duration.ofMinutes(1), block, anomalyDetection, Sensitivity.MEDIUM), publisher, metrics);
  }

  private static CallObservation destructiveCall(String principal, Instant at) {
    return new CallObservation(principal, "kubernetes_delete_resource", ToolRisk.DESTRUCTIVE, "shop", false, at);
  }

  @Test
  void givenFailuresBelowTheThreshold_authenticationFailed_publishesNothing() {
    SecurityMonitor monitor = monitor(true, Duration.ofMinutes(2));

    monitor.authenticationFailed(ADDRESS, Optional.empty(), NOW);
    monitor.authenticationFailed(ADDRESS, Optional.empty(), NOW.plusSeconds(1));

    assertThat(publisher.published()).isEmpty();
    assertThat(metrics.alerts()).isEmpty();
    assertThat(monitor.isBlocked(ADDRESS, NOW.plusSeconds(1))).isFalse();
  }

  @Test
  void givenThresholdReached_authenticationFailed_publishesCountsAndBlocksTheAddress() {
    SecurityMonitor monitor = monitor(true, Duration.ofMinutes(2));

    for (int i = 0; i < 3; i++) {
      monitor.authenticationFailed(ADDRESS, Optional.empty(), NOW.plusSeconds(i));
    }

    assertThat(publisher.published()).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.AUTH_FAILURES);
      assertThat(alert.subject()).isEqualTo("address:10.0.0.7");
    });
    assertThat(metrics.alerts()).isEqualTo(Map.of("auth_failures", 1));
    assertThat(monitor.isBlocked(ADDRESS, NOW.plusSeconds(3))).isTrue();
    assertThat(monitor.isBlocked("10.0.0.8", NOW.plusSeconds(3))).isFalse();
    assertThat(monitor.isBlocked(ADDRESS, NOW.plusSeconds(2).plus(Duration.ofMinutes(2)))).isFalse();
  }

  @Test
  void givenClaimedPrincipal_authenticationFailed_alertsForAddressAndPrincipal() {
    SecurityMonitor monitor = monitor(true, Duration.ofMinutes(2));

    for (int i = 0; i < 3; i++) {
      monitor.authenticationFailed(ADDRESS, Optional.of("alice"), NOW.plusSeconds(i));
    }

    assertThat(publisher.published()).extracting(Alert::subject).containsExactly("address:10.0.0.7", "principal:alice");
    assertThat(metrics.alerts()).isEqualTo(Map.of("auth_failures", 2));
  }

  @Test
  void givenZeroBlockDuration_isBlocked_staysFalseAfterTheThreshold() {
    SecurityMonitor monitor = monitor(true, Duration.ZERO);

    for (int i = 0; i < 3; i++) {
      monitor.authenticationFailed(ADDRESS, Optional.empty(), NOW.plusSeconds(i));
    }

    assertThat(publisher.published()).hasSize(1);
    assertThat(monitor.isBlocked(ADDRESS, NOW.plusSeconds(3))).isFalse();
  }

  @Test
  void givenAnomalyDetectionOn_toolCalled_publishesAnomalies() {
    SecurityMonitor monitor = monitor(true, Duration.ofMinutes(2));

    monitor.toolCalled(destructiveCall("alice", NOW));

    assertThat(publisher.published()).extracting(Alert::type).containsExactly(AlertType.FIRST_DESTRUCTIVE_USE);
    assertThat(metrics.alerts()).isEqualTo(Map.of("first_destructive_use", 1));
  }

  @Test
  void givenAnomalyDetectionOff_toolCalled_publishesNoAnomalies() {
    SecurityMonitor monitor = monitor(false, Duration.ofMinutes(2));

    monitor.toolCalled(destructiveCall("alice", NOW));
    for (int i = 0; i < 500; i++) {
      monitor.toolCalled(
          new CallObservation("alice", "kubernetes_get_resource", ToolRisk.READ_ONLY, "ns-" + (i % 50), true, NOW.plusMillis(i)));
    }

    assertThat(publisher.published()).isEmpty();
    assertThat(metrics.alerts()).isEmpty();
  }

  @Test
  void givenAnomalyDetectionOff_authenticationFailed_stillAlerts() {
    SecurityMonitor monitor = monitor(false, Duration.ofMinutes(2));

    for (int i = 0; i < 3; i++) {
      monitor.authenticationFailed(ADDRESS, Optional.empty(), NOW);
    }

    assertThat(publisher.published()).hasSize(1);
  }

  @Test
  void givenFailingPublisher_authenticationFailed_stillCountsAndBlocksWithoutThrowing() {
    SecurityMonitor monitor = monitor(true, Duration.ofMinutes(2));
    publisher.failDeliveries();

    for (int i = 0; i < 3; i++) {
      monitor.authenticationFailed(ADDRESS, Optional.of("alice"), NOW);
    }

    assertThat(publisher.published()).hasSize(2);
    assertThat(metrics.alerts()).isEqualTo(Map.of("auth_failures", 2));
    assertThat(monitor.isBlocked(ADDRESS, NOW)).isTrue();
  }
}
