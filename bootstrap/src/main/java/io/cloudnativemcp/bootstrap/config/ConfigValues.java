package io.cloudnativemcp.bootstrap.config;

import java.util.Map;
import java.util.Optional;

/** Read access to configuration values by key, after overrides and {@code ${VAR}} expansion. */
public interface ConfigValues {

  /**
   * The value of a key, if set.
   *
   * @throws ConfigurationException when the value refers to a variable that is not set
   */
  Optional<String> get(String key);

  /** A fixed map, for tests and tools. */
  static ConfigValues of(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
  }
}
