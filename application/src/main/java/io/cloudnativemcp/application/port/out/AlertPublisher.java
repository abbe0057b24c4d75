package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.monitoring.Alert;

/** Outgoing port: tells operators about suspicious activity (log, metric, webhook). */
public interface AlertPublisher {
  /** Publishes without blocking the caller for long; delivery failures are the publisher's to handle. */
  void publish(Alert alert);
}
