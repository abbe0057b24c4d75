package io.cloudnativemcp.application.service.monitor;

import io.cloudnativemcp.application.port.out.AlertPublisher;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.application.settings.MonitoringSettings;
import io.cloudnativemcp.domain.monitoring.Alert;
import io.cloudnativemcp.domain.monitoring.AnomalyDetector;
import io.cloudnativemcp.domain.monitoring.AuthFailureMonitor;
import io.cloudnativemcp.domain.monitoring.CallObservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Feeds failed authentications and completed tool calls to the domain's rules and publishes the
 * alerts they raise (log line, metric, webhook through the {@link AlertPublisher}).
 */
@ApplicationScoped
public class SecurityMonitor {
  private static final Logger LOG = Logger.getLogger(SecurityMonitor.class.getName());

  private AuthFailureMonitor failures;
  private AnomalyDetector anomalies;
  private AlertPublisher publisher;
  private MetricsRecorder metrics;

  /** For CDI's client proxy only. */
  protected SecurityMonitor() {}

  @Inject
  public SecurityMonitor(MonitoringSettings settings, AlertPublisher publisher, MetricsRecorder metrics) {
    this.failures = new AuthFailureMonitor(settings.authFailureThreshold(), settings.authFailureWindow(), settings.blockDuration());
    this.anomalies = settings.anomalyDetection() ? new AnomalyDetector(settings.sensitivity()) : null;
    this.publisher = publisher;
    this.metrics = metrics;
  }

  /** Whether requests from this address are refused for now. */
  public boolean isBlocked(String address, Instant now) {
    return failures.blockedUntil(address, now).isPresent();
  }

  public void authenticationFailed(String address, Optional<String> principal, Instant now) {
    publish(failures.recordFailure(address, principal, now));
  }

  public void toolCalled(CallObservation call) {
    if (anomalies != null) {
      publish(anomalies.observe(call));
    }
  }

  private void publish(List<Alert> alerts) {
    for (Alert alert : alerts) {
      metrics.alert(alert.type().wireName());
      try {
        publisher.publish(alert);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not publish alert " + alert.type().wireName(), e);
      }
    }
  }
}
