package io.cloudnativemcp.bootstrap;

import io.cloudnativemcp.application.port.out.SecretStore;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Secrets from the environment and the configuration (MicroProfile Config: a secret named {@code
 * monitoring-webhook-secret} is the variable {@code MONITORING_WEBHOOK_SECRET}). Read-only: the
 * environment of a running process cannot be changed from inside.
 */
final class EnvSecretStore implements SecretStore {
  private final Config config;

  EnvSecretStore(Config config) {
    this.config = config;
  }

  @Override
  public Optional<String> read(String name) {
    return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
  }

  @Override
  public void write(String name, String value) {
    throw new UnsupportedOperationException("the environment cannot be written; configure secrets.store: file or kubernetes");
  }

  @Override
  public boolean writable() {
    return false;
  }

  @Override
  public String describe() {
    return "environment and configuration (read-only)";
  }
}
