package io.cloudnativemcp.bootstrap;

import io.cloudnativemcp.adapter.in.http.mcp.McpServerSettings;
import io.cloudnativemcp.adapter.out.k8s.KubernetesSettings;
import io.cloudnativemcp.adapter.out.persistence.DatabaseSettings;
import io.cloudnativemcp.application.settings.AuthenticationSettings;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.bootstrap.config.ServerConfiguration;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * CDI producers: the validated configuration and the typed settings and policies the core and
 * the adapters consume. Values are records or final classes, so they are {@code @Singleton}
 * rather than a normal (proxied) scope.
 */
@ApplicationScoped
public class ConfigProducers {

  @Produces
  @Singleton
  ServerConfiguration configuration() {
    return Configurations.loadFromMicroProfileConfig();
  }

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  AuthenticationSettings authentication(ServerConfiguration c) {
    return c.authentication();
  }

  @Produces
  @Singleton
  AccessPolicy accessPolicy(ServerConfiguration c) {
    return c.accessPolicy();
  }

  @Produces
  @Singleton
  MaskingPolicy masking(ServerConfiguration c) {
    return c.masking();
  }

  @Produces
  @Singleton
  OutputLimits outputLimits(ServerConfiguration c) {
    return c.outputLimits();
  }

  @Produces
  @Singleton
  DatabaseSettings database(ServerConfiguration c) {
    return c.database();
  }

  @Produces
  @Singleton
  KubernetesSettings kubernetes(ServerConfiguration c) {
    return c.kubernetes();
  }

  @Produces
  @Singleton
  McpServerSettings mcp(ServerConfiguration c) {
    return c.mcp();
  }
}
