package io.cloudnativemcp.application.settings;

import io.cloudnativemcp.domain.monitoring.Sensitivity;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code monitoring.*}: failed-authentication threshold and window, how long a source is blocked,
 * and anomaly detection.
 */
public record MonitoringSettings(
    int authFailureThreshold,
    Duration authFailureWindow,
    Duration blockDuration,
    boolean anomalyDetection,
    Sensitivity sensitivity) {
  public MonitoringSettings {
    Objects.requireNonNull(authFailureWindow, "'authFailureWindow' must not be null");
    Objects.requireNonNull(blockDuration, "'blockDuration' must not be null");
    Objects.requireNonNull(sensitivity, "'sensitivity' must not be null");
  }

  public static MonitoringSettings defaults() {
    return new MonitoringSettings(5, Duration.ofSeconds(300), Duration.ofSeconds(300), true, Sensitivity.MEDIUM);
  }
}
