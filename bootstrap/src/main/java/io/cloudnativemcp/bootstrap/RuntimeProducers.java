package io.cloudnativemcp.bootstrap;

import io.cloudnativemcp.adapter.in.http.BearerTokens;
import io.cloudnativemcp.adapter.in.http.HttpSecuritySettings;
import io.cloudnativemcp.adapter.out.http.LogAlertPublisher;
import io.cloudnativemcp.adapter.out.http.WebhookAlertPublisher;
import io.cloudnativemcp.adapter.out.k8s.FileSecretStore;
import io.cloudnativemcp.adapter.out.k8s.KubernetesClusterGateway;
import io.cloudnativemcp.adapter.out.k8s.KubernetesSecretStore;
import io.cloudnativemcp.application.port.out.AlertPublisher;
import io.cloudnativemcp.application.port.out.SecretStore;
import io.cloudnativemcp.application.settings.AuditSettings;
import io.cloudnativemcp.application.settings.MonitoringSettings;
import io.cloudnativemcp.application.settings.RateLimitSettings;
import io.cloudnativemcp.bootstrap.config.JwtSettings;
import io.cloudnativemcp.bootstrap.config.ServerConfiguration;
import io.cloudnativemcp.domain.apikey.RotationPolicy;
import io.cloudnativemcp.domain.monitoring.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** CDI producers for the governance settings, the secret store and alert delivery. */
@ApplicationScoped
public class RuntimeProducers {

  @Produces
  @Singleton
  AuditSettings audit(ServerConfiguration c) {
    return c.audit();
  }

  @Produces
  @Singleton
  RateLimitSettings rateLimit(ServerConfiguration c) {
    return c.rateLimit();
  }

  @Produces
  @Singleton
  MonitoringSettings monitoring(ServerConfiguration c) {
    return c.monitoring();
  }

  @Produces
  @Singleton
  RotationPolicy rotation(ServerConfiguration c) {
    return c.rotation();
  }

  @Produces
  @Singleton
  HttpSecuritySettings http(ServerConfiguration c) {
    return c.http();
  }

  @Produces
  @Singleton
  BearerTokens bearerTokens(ServerConfiguration c) {
    return new BearerTokens(c.jwt().map(JwtSettings::groupsClaim).orElse("groups"));
  }

  @Produces
  @Singleton
  SecretStore secretStore(ServerConfiguration c, KubernetesClusterGateway cluster) {
    var s = c.secretStore();
    return switch (s.kind()) {
      case ENV -> new EnvSecretStore(ConfigProvider.getConfig(RuntimeProducers.class.getClassLoader()));
      case FILE -> new FileSecretStore(s.directory().orElseThrow());
      case KUBERNETES -> new KubernetesSecretStore(
          cluster, s.namespace().orElseGet(RuntimeProducers::podNamespace), s.name().orElseThrow());
    };
  }

  @Produces
  @Singleton
  AlertPublisher alerts(ServerConfiguration c, SecretStore secrets) {
    List<AlertPublisher> publishers =
        c.alertWebhook()
            .<List<AlertPublisher>>map(
                url ->
                    List.of(
                        new LogAlertPublisher(),
                        new WebhookAlertPublisher(
                            url, () -> secrets.read(c.alertWebhookSecretName()), ServerConfiguration.SERVER_NAME, 4, Duration.ofSeconds(1))))
            .orElse(List.of(new LogAlertPublisher()));
    return (Alert alert) -> publishers.forEach(p -> p.publish(alert));
  }

  /** The namespace this pod runs in, from its service account; {@code default} elsewhere. */
  static String podNamespace() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace")).strip();
    } catch (java.io.IOException e) {
      return "default";
    }
  }
}
