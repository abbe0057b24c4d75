package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.monitoring.Alert;
import java.util.ArrayList;
import java.util.List;

/** Keeps every published alert; can be told that delivery fails. */
public final class RecordingAlertPublisher implements AlertPublisher {
  private final List<Alert> published = new ArrayList<>();
  private boolean failing;

  @Override
  public synchronized void publish(Alert alert) {
    published.add(alert);
    if (failing) {
      throw new IllegalStateException("webhook unreachable (test)");
    }
  }

  /** Every later publication is recorded and then fails. */
  public synchronized void failDeliveries() {
    failing = true;
  }

  public synchronized List<Alert> published() {
    return List.copyOf(published);
  }
}
