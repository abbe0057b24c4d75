package io.cloudnativemcp.bootstrap.config;

import io.cloudnativemcp.adapter.in.http.mcp.McpServerSettings;
import io.cloudnativemcp.adapter.out.k8s.KubernetesSettings;
import io.cloudnativemcp.adapter.out.persistence.DatabaseSettings;
import io.cloudnativemcp.application.settings.AuthenticationSettings;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.apikey.KeyStrengthPolicy;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.principal.AuthMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The whole configuration, read once at startup and validated: every problem is collected and
 * reported together, naming the key. Secrets are kept only as long as startup needs them.
 */
public final class ServerConfiguration {
  public static final String SERVER_NAME = "cloud-native-mcp-server";

  private final ServerSettings server;
  private final AuthenticationSettings authentication;
  private final Optional<String> adminApiKey;
  private final boolean auditEnabled;
  private final long auditMaxRecords;
  private final MaskingPolicy masking;
  private final DatabaseSettings database;
  private final KubernetesSettings kubernetes;
  private final AccessPolicy accessPolicy;
  private final OutputLimits outputLimits;
  private final McpServerSettings mcp;

  private ServerConfiguration(Reader r, Path workDir) {
    ServerSettings.TransportMode mode =
        r.parse("server.mode", "all", ServerSettings.TransportMode::fromConfig, ServerSettings.TransportMode.ALL);
    this.server =
        r.parse("server.addr", "0.0.0.0:8080", a -> ServerSettings.parseAddress(a, mode), new ServerSettings("0.0.0.0", 8080, mode));

    boolean authEnabled = r.bool("auth.enabled", true);
    Set<AuthMethod> methods = r.parse("auth.mode", "apikey", ServerConfiguration::authMethods, Set.of(AuthMethod.API_KEY));
    Duration keyCacheTtl = Duration.ofSeconds(r.integer("auth.keyCacheSeconds", 5, 0, 3600));
    this.authentication = new AuthenticationSettings(authEnabled, authEnabled ? methods : Set.of(), keyCacheTtl);
    Optional<String> apiKey = r.optional("auth.apiKey");
    apiKey.ifPresent(
        k -> {
          List<String> broken = KeyStrengthPolicy.seedGuide().violations(k);
          if (!broken.isEmpty()) {
            r.problem(
                "auth.apiKey",
                "is not a strong API key: "
                    + String.join("; ", broken)
                    + " (rule: at least 16 characters and 3 of upper case, lower case, digit, special)");
          }
        });
    this.adminApiKey = apiKey;

    this.auditEnabled = r.bool("audit.enabled", true);
    String storage = r.string("audit.storage", "database");
    if (!storage.equalsIgnoreCase("database")) {
      r.problem("audit.storage", "must be database (got '" + storage + "')");
    }
    this.auditMaxRecords = r.longValue("audit.database.maxRecords", 100_000, 100, 1_000_000_000L);
    MaskingPolicy maskingPolicy = MaskingPolicy.defaults();
    try {
      maskingPolicy =
          MaskingPolicy.of(
              r.bool("audit.masking.enabled", true),
              r.string("audit.masking.maskValue", MaskingPolicy.DEFAULT_MASK),
              r.list("audit.masking.fields"),
              r.list("audit.masking.patterns"));
    } catch (IllegalArgumentException e) {
      r.problem("audit.masking", e.getMessage());
    }
    this.masking = maskingPolicy;

    DatabaseSettings.Type dbType =
        r.parse("audit.database.type", "embedded", DatabaseSettings.Type::fromConfig, DatabaseSettings.Type.EMBEDDED);
    String url = r.optional("audit.database.url").orElse(null);
    if (dbType == DatabaseSettings.Type.POSTGRESQL && (url == null || !url.startsWith("jdbc:postgresql:"))) {
      r.problem("audit.database.url", "must be a jdbc:postgresql:// URL when audit.database.type is postgresql");
      url = "jdbc:postgresql://invalid/invalid";
    }
    Path dataDir = workDir.resolve(r.string("audit.database.dataDir", "data")).normalize();
    this.database =
        new DatabaseSettings(
            dbType,
            url,
            r.optional("audit.database.username").orElse(dbType == DatabaseSettings.Type.EMBEDDED ? "sa" : null),
            r.optional("audit.database.password").orElse(""),
            dataDir,
            r.integer("audit.database.poolSize", 8, 1, 200),
            r.optional("audit.database.schema"));

    this.kubernetes =
        new KubernetesSettings(
            r.optional("kubernetes.kubeconfig").map(p -> workDir.resolve(p).normalize()),
            r.optional("kubernetes.context"),
            Duration.ofSeconds(r.integer("kubernetes.connectTimeoutSeconds", 5, 1, 300)),
            Duration.ofSeconds(r.integer("kubernetes.requestTimeoutSeconds", 30, 1, 3600)));
    ServerMode serverMode = new ServerMode(r.bool("kubernetes.readOnly", false), r.bool("kubernetes.disableDestructive", false));
    this.accessPolicy = AccessPolicy.defaults(serverMode);
    this.outputLimits = new OutputLimits(r.integer("output.maxBytes", OutputLimits.DEFAULT_MAX_BYTES, 1024, 10 * 1024 * 1024));
    this.mcp =
        new McpServerSettings(
            SERVER_NAME,
            version(),
            r.string(
                "mcp.instructions",
                "Inspect and operate Kubernetes clusters. Start with kubernetes_list_resources_summary"
                    + " to see what exists, read details with kubernetes_get_resource, and check"
                    + " kubernetes_get_recent_events and kubernetes_get_pod_logs when something is"
                    + " unhealthy. Lists are paginated: pass continueToken for the next page."),
            Duration.ofSeconds(r.integer("server.keepAliveSeconds", 15, 1, 3600)),
            r.integer("server.maxRequestBytes", 1024 * 1024, 1024, 64 * 1024 * 1024),
            server.mode().streamableHttp(),
            server.mode().sse());
    if (!r.problems.isEmpty()) {
      throw new ConfigurationException(r.problems);
    }
  }

  /**
   * Reads and validates the configuration.
   *
   * @param workDir directory that relative paths in the configuration are resolved against
   * @throws ConfigurationException listing every invalid key
   */
  public static ServerConfiguration load(ConfigValues values, Path workDir) {
    return new ServerConfiguration(new Reader(values), workDir);
  }

  static Set<AuthMethod> authMethods(String value) {
    Set<AuthMethod> methods = EnumSet.noneOf(AuthMethod.class);
    for (String m : YamlConfigSource.splitList(value)) {
      AuthMethod method;
      try {
        method = AuthMethod.fromWireName(m);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("must be apikey, jwt (or bearer), or a list of them (got '" + m + "')", e);
      }
      if (method != AuthMethod.API_KEY && method != AuthMethod.JWT) {
        throw new IllegalArgumentException("must be apikey, jwt (or bearer), or a list of them (got '" + m + "')");
      }
      methods.add(method);
    }
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("must name at least one method");
    }
    return methods;
  }

  static String version() {
    String v = ServerConfiguration.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0" : v;
  }

  public ServerSettings server() {
    return server;
  }

  public AuthenticationSettings authentication() {
    return authentication;
  }

  /** The value of {@code auth.apiKey}; a secret, never log it. */
  public Optional<String> adminApiKey() {
    return adminApiKey;
  }

  public boolean auditEnabled() {
    return auditEnabled;
  }

  public long auditMaxRecords() {
    return auditMaxRecords;
  }

  public MaskingPolicy masking() {
    return masking;
  }

  public DatabaseSettings database() {
    return database;
  }

  public KubernetesSettings kubernetes() {
    return kubernetes;
  }

  public AccessPolicy accessPolicy() {
    return accessPolicy;
  }

  public OutputLimits outputLimits() {
    return outputLimits;
  }

  public McpServerSettings mcp() {
    return mcp;
  }

  /** Typed reads that record a problem and fall back instead of failing at the first one. */
  static final class Reader {
    private final ConfigValues values;
    final List<String> problems = new ArrayList<>();

    Reader(ConfigValues values) {
      this.values = values;
    }

    void problem(String key, String message) {
      problems.add(key + " " + message);
    }

    Optional<String> optional(String key) {
      try {
        return values.get(key).map(String::trim).filter(v -> !v.isEmpty());
      } catch (ConfigurationException e) {
        problems.addAll(e.problems());
        return Optional.empty();
      }
    }

    String string(String key, String fallback) {
      return optional(key).orElse(fallback);
    }

    List<String> list(String key) {
      return optional(key).map(YamlConfigSource::splitList).orElse(List.of());
    }

    boolean bool(String key, boolean fallback) {
      Optional<String> v = optional(key);
      if (v.isEmpty()) {
        return fallback;
      }
      String s = v.get().toLowerCase(Locale.ROOT);
      if (s.equals("true")) {
        return true;
      }
      if (s.equals("false")) {
        return false;
      }
      problem(key, "must be true or false (got '" + v.get() + "')");
      return fallback;
    }

    int integer(String key, int fallback, int min, int max) {
      return (int) longValue(key, fallback, min, max);
    }

    long longValue(String key, long fallback, long min, long max) {
      Optional<String> v = optional(key);
      if (v.isEmpty()) {
        return fallback;
      }
      try {
        long n = Long.parseLong(v.get());
        if (n < min || n > max) {
          problem(key, "must be between " + min + " and " + max + " (got " + n + ")");
          return fallback;
        }
        return n;
      } catch (NumberFormatException e) {
        problem(key, "must be a whole number (got '" + v.get() + "')");
        return fallback;
      }
    }

    <T> T parse(String key, String fallbackText, Function<String, T> parser, T fallback) {
      String text = string(key, fallbackText);
      try {
        return parser.apply(text);
      } catch (IllegalArgumentException e) {
        problem(key, e.getMessage());
        return fallback;
      }
    }
  }
}
