package io.cloudnativemcp.bootstrap;

import io.cloudnativemcp.adapter.out.persistence.JpaDatabase;
import io.cloudnativemcp.application.port.out.ClusterGateway;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when startup has completed, the audit store answers, the audit buffer has room, and the
 * Kubernetes API server answers when one is configured (without one the server still serves, and
 * its tools say what to configure). The cluster answer is cached for a few seconds, so frequent
 * probes do not load the API server.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  static final long CLUSTER_CHECK_CACHE_NANOS = 5_000_000_000L;

  private JpaDatabase database;
  private AuditTrail audit;
  private ClusterGateway cluster;
  private volatile ClusterGateway.Reachability lastCluster;
  private volatile long lastClusterCheck;

  /** For CDI's client proxy only. */
  protected ReadinessCheck() {}

  @Inject
  public ReadinessCheck(JpaDatabase database, AuditTrail audit, ClusterGateway cluster) {
    this.database = database;
    this.audit = audit;
    this.cluster = cluster;
  }

  private ClusterGateway.Reachability clusterReachability() {
    long now = System.nanoTime();
    if (lastCluster == null || now - lastClusterCheck > CLUSTER_CHECK_CACHE_NANOS) {
      lastCluster = cluster.reachability();
      lastClusterCheck = now;
    }
    return lastCluster;
  }

  @Override
  public HealthCheckResponse call() {
    if (!StartupState.ready()) {
      return HealthCheckResponse.named("startup").down().build();
    }
    boolean storeUp = database.isReachable();
    boolean accepting = audit.accepting();
    ClusterGateway.Reachability clusterState = clusterReachability();
    return HealthCheckResponse.named("server")
        .status(storeUp && accepting && clusterState != ClusterGateway.Reachability.UNREACHABLE)
        .withData("auditStore", storeUp ? "reachable" : "unreachable")
        .withData("auditBufferedRecords", audit.depth())
        .withData("auditAcceptingRecords", accepting)
        .withData("kubernetes", clusterState.name().toLowerCase(java.util.Locale.ROOT))
        .build();
  }
}
