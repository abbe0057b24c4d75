package io.cloudnativemcp.bootstrap;

import io.cloudnativemcp.adapter.out.persistence.JpaDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when startup has completed and the audit store answers. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  private JpaDatabase database;

  /** For CDI's client proxy only. */
  protected ReadinessCheck() {}

  @Inject
  public ReadinessCheck(JpaDatabase database) {
    this.database = database;
  }

  @Override
  public HealthCheckResponse call() {
    if (!StartupState.ready()) {
      return HealthCheckResponse.named("startup").down().build();
    }
    boolean storeUp = database.isReachable();
    return HealthCheckResponse.named("audit-store").status(storeUp).build();
  }
}
