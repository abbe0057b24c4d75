package io.cloudnativemcp.bootstrap;

import io.cloudnativemcp.bootstrap.config.ConfigValues;
import io.cloudnativemcp.bootstrap.config.ConfigurationException;
import io.cloudnativemcp.bootstrap.config.ServerConfiguration;
import io.cloudnativemcp.bootstrap.config.YamlConfigSource;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Loads the configuration from MicroProfile Config and reports where it came from. */
final class Configurations {
  private static final Logger LOG = Logger.getLogger(Configurations.class.getName());

  private Configurations() {}

  static ServerConfiguration loadFromMicroProfileConfig() {
    Config config = ConfigProvider.getConfig(Configurations.class.getClassLoader());
    Optional<YamlConfigSource> yaml = yamlSource(config);
    if (yaml.isPresent()) {
      YamlConfigSource source = yaml.get();
      if (source.problem().isPresent()) {
        throw new ConfigurationException(java.util.List.of(source.problem().get()));
      }
      LOG.info(
          source.fileExists()
              ? "Configuration: " + source.path() + " (environment variables and system properties override it)"
              : "Configuration: no file at " + source.path() + "; using defaults, environment variables and system properties");
    }
    Path workDir = yaml.map(s -> s.path().getParent()).orElse(Path.of(System.getProperty("user.dir")));
    ConfigValues values = new MicroProfileValues(config);
    ServerConfiguration loaded = ServerConfiguration.load(values, workDir);
    yaml.ifPresent(source -> reportLiteralSecrets(source, values));
    return loaded;
  }

  /** Keys whose values are secrets and belong in a secret store, referenced as ${VAR}. */
  static final java.util.List<String> SECRET_KEYS =
      java.util.List.of("auth.apiKey", "audit.database.password");

  /**
   * A secret written literally in config.yaml ends up in ConfigMaps, backups and diffs. It is
   * reported at startup, naming the key but never the value; with {@code auth.strict: true} the
   * server refuses to start.
   */
  static void reportLiteralSecrets(YamlConfigSource source, ConfigValues values) {
    java.util.List<String> literal = new java.util.ArrayList<>();
    for (String key : SECRET_KEYS) {
      String raw = source.rawProperties().get(key);
      if (raw != null && !raw.isBlank() && !raw.contains("${")) {
        literal.add(key);
      }
    }
    if (literal.isEmpty()) {
      return;
    }
    boolean strict = values.get("auth.strict").map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
    String message =
        source.path() + " holds a literal secret in " + String.join(", ", literal)
            + ": write it as \"${SOME_VARIABLE}\" and keep the value in a Kubernetes Secret or the environment";
    if (strict) {
      throw new ConfigurationException(java.util.List.of(message + " (auth.strict is true)"));
    }
    LOG.warning(message + " (set auth.strict: true to refuse such a file)");
  }

  private static Optional<YamlConfigSource> yamlSource(Config config) {
    for (var s : config.getConfigSources()) {
      if (s instanceof YamlConfigSource y) {
        return Optional.of(y);
      }
    }
    return Optional.empty();
  }

  /** Adapter from MicroProfile Config to {@link ConfigValues}. */
  private record MicroProfileValues(Config config) implements ConfigValues {
    @Override
    public Optional<String> get(String key) {
      try {
        return config.getOptionalValue(key, String.class).filter(v -> !v.isEmpty());
      } catch (java.util.NoSuchElementException | IllegalArgumentException e) {
        throw new ConfigurationException(key, "refers to a variable that is not set (" + firstLine(e.getMessage()) + ")");
      }
    }

    private static String firstLine(String s) {
      if (s == null) {
        return "no detail";
      }
      int nl = s.indexOf('\n');
      return nl < 0 ? s : s.substring(0, nl);
    }
  }
}
