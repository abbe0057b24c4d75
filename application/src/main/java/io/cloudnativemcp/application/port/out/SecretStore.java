package io.cloudnativemcp.application.port.out;

import java.util.Optional;

/**
 * Outgoing port to where secrets live: environment and configuration, a mounted Secret volume, or
 * a Kubernetes Secret through the API. Values are never logged.
 */
public interface SecretStore {

  /** The secret of this name, if the store has it. */
  Optional<String> read(String name);

  /**
   * Stores a secret (a rotated API key, for example).
   *
   * @throws UnsupportedOperationException when the store is read-only
   */
  void write(String name, String value);

  boolean writable();

  /** Where the store keeps secrets, for logs ("Kubernetes Secret mcp/mcp-secrets"). */
  String describe();
}
