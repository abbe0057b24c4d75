package io.cloudnativemcp.bootstrap.config;

import java.util.List;

/**
 * An invalid configuration. The message names every offending key and what is wrong, never a
 * secret value; the server does not start with it.
 */
public class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ConfigurationException(String key, String problem) {
    this(List.of(key + " " + problem));
  }

  public ConfigurationException(List<String> problems) {
    super("Invalid configuration: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
