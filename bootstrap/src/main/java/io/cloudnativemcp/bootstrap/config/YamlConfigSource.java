package io.cloudnativemcp.bootstrap.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code config.yaml} as a MicroProfile Config source. Nested keys become dotted names ({@code
 * auth.apiKey}), lists of scalars become comma-separated values, lists of maps become indexed
 * names ({@code policies[0].name}). Its ordinal (250) sits below environment variables (300) and
 * system properties (400), so both override the file; {@code ${VAR}} references are expanded by
 * MicroProfile Config itself.
 *
 * <p>The file is {@code $MCP_CONFIG}, or {@code ./config.yaml}; a missing file means defaults.
 */
public class YamlConfigSource implements ConfigSource {
  public static final String LOCATION_ENV = "MCP_CONFIG";
  public static final int ORDINAL = 250;

  private final Path path;
  private final Map<String, String> properties;
  private final String problem;

  /** Used by the MicroProfile Config service loader. */
  public YamlConfigSource() {
    this(location());
  }

  public YamlConfigSource(Path path) {
    this.path = path;
    Map<String, String> props = Map.of();
    String error = null;
    if (Files.exists(path)) {
      try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        props = flatten(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
      } catch (IOException | RuntimeException e) {
        // Reported by the startup checks, which stop the server with the file and line.
        error = path + " is not valid YAML: " + e.getMessage();
      }
    }
    this.properties = withMicroProfileJwtAliases(props);
    this.problem = error;
  }

  /**
   * MicroProfile JWT reads {@code mp.jwt.verify.*}; config.yaml says {@code auth.jwt.*}. A PEM
   * public key (instead of a JWKS) reaches the runtime this way.
   */
  static Map<String, String> withMicroProfileJwtAliases(Map<String, String> props) {
    Map<String, String> out = new LinkedHashMap<>(props);
    if (props.containsKey("auth.jwt.publicKey")) {
      out.putIfAbsent("mp.jwt.verify.publickey", props.get("auth.jwt.publicKey"));
    }
    if (props.containsKey("auth.jwt.issuer")) {
      out.putIfAbsent("mp.jwt.verify.issuer", props.get("auth.jwt.issuer"));
    }
    return out;
  }

  public static Path location() {
    String env = System.getenv(LOCATION_ENV);
    if (env == null || env.isBlank()) {
      env = System.getProperty("mcp.config", "config.yaml");
    }
    Path p = Path.of(env);
    return (p.isAbsolute() ? p : LaunchDirectory.get().resolve(p)).normalize();
  }

  static Map<String, String> flatten(Object root) {
    Map<String, String> out = new LinkedHashMap<>();
    if (root == null) {
      return out;
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("the top level must be a mapping of sections");
    }
    flattenMap("", map, out);
    return out;
  }

  private static void flattenMap(String prefix, Map<?, ?> map, Map<String, String> out) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = prefix + e.getKey();
      flattenValue(key, e.getValue(), out);
    }
  }

  private static void flattenValue(String key, Object value, Map<String, String> out) {
    if (value == null) {
      return;
    }
    if (value instanceof Map<?, ?> m) {
      flattenMap(key + ".", m, out);
    } else if (value instanceof Collection<?> c) {
      boolean scalars = c.stream().noneMatch(v -> v instanceof Map<?, ?> || v instanceof Collection<?>);
      if (scalars) {
        StringBuilder joined = new StringBuilder();
        for (Object v : c) {
          if (joined.length() > 0) {
            joined.append(',');
          }
          joined.append(String.valueOf(v).replace("\\", "\\\\").replace(",", "\\,"));
        }
        out.put(key, joined.toString());
        out.put(key + ".size", String.valueOf(c.size()));
      } else {
        int i = 0;
        for (Object v : c) {
          flattenValue(key + "[" + i + "]", v, out);
          i++;
        }
        out.put(key + ".size", String.valueOf(c.size()));
      }
    } else {
      out.put(key, String.valueOf(value));
    }
  }

  /** The file this source read (or would have read). */
  public Path path() {
    return path;
  }

  public boolean fileExists() {
    return Files.exists(path);
  }

  /** Why the file could not be read, if it could not. */
  public java.util.Optional<String> problem() {
    return java.util.Optional.ofNullable(problem);
  }

  /** Keys present in the file, before any expansion or override. */
  public Map<String, String> rawProperties() {
    return properties;
  }

  @Override
  public Map<String, String> getProperties() {
    return properties;
  }

  @Override
  public Set<String> getPropertyNames() {
    return properties.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return properties.get(propertyName);
  }

  @Override
  public String getName() {
    return "config.yaml (" + path + ")";
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }

  /** Splits a comma-separated value the way this source joined it. */
  public static List<String> splitList(String value) {
    List<String> items = new java.util.ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        cur.append(value.charAt(++i));
      } else if (c == ',') {
        items.add(cur.toString().trim());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0 || !items.isEmpty()) {
      items.add(cur.toString().trim());
    }
    items.removeIf(String::isEmpty);
    return items;
  }
}
