package io.cloudnativemcp.application.port.in;

import java.util.Optional;

/**
 * Startup: make the bootstrap administrator's key match the configuration.
 *
 * @param configuredKey the value of {@code auth.apiKey}, if set
 */
public record EnsureBootstrapAdminKeyCommand(Optional<String> configuredKey) {
  public EnsureBootstrapAdminKeyCommand {
    configuredKey = configuredKey == null ? Optional.empty() : configuredKey.filter(k -> !k.isEmpty());
  }

  @Override
  public String toString() {
    return "EnsureBootstrapAdminKeyCommand[configuredKey=" + (configuredKey.isPresent() ? "***" : "none") + "]";
  }
}
