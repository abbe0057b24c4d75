package io.cloudnativemcp.adapter.out.http;

import io.cloudnativemcp.application.port.out.AlertPublisher;
import io.cloudnativemcp.domain.monitoring.Alert;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Publishes an alert as one structured (JSON) log line, which log pipelines can match on. */
public final class LogAlertPublisher implements AlertPublisher {
  private static final Logger LOG = Logger.getLogger("io.cloudnativemcp.alerts");

  @Override
  public void publish(Alert alert) {
    LOG.log(
        "critical".equals(alert.severity()) ? Level.SEVERE : Level.WARNING,
        "SECURITY_ALERT " + AlertJson.toJson(alert, null));
  }
}
