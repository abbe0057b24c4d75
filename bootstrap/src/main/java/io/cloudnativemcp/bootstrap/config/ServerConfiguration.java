package io.cloudnativemcp.bootstrap.config;

import io.cloudnativemcp.adapter.in.http.HttpSecuritySettings;
import io.cloudnativemcp.adapter.in.http.mcp.McpServerSettings;
import io.cloudnativemcp.adapter.out.k8s.KubernetesSettings;
import io.cloudnativemcp.adapter.out.persistence.DatabaseSettings;
import io.cloudnativemcp.application.settings.AuditSettings;
import io.cloudnativemcp.application.settings.AuthenticationSettings;
import io.cloudnativemcp.application.settings.MonitoringSettings;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.application.settings.RateLimitSettings;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.ConfirmationFallback;
import io.cloudnativemcp.domain.access.GlobSet;
import io.cloudnativemcp.domain.access.ResourceDenyList;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.apikey.KeyStrengthPolicy;
import io.cloudnativemcp.domain.apikey.RotationPolicy;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.audit.RetentionPolicy;
import io.cloudnativemcp.domain.monitoring.Sensitivity;
import io.cloudnativemcp.domain.principal.AuthMethod;
import io.cloudnativemcp.domain.ratelimit.RateLimitPolicy;
import io.cloudnativemcp.domain.shared.NetworkRange;
import io.cloudnativemcp.domain.shared.TrustedProxies;
import java.net.URI;
import java.nio.file.Files;
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
  private final Optional<TlsSettings> tls;
  private final AuthenticationSettings authentication;
  private final Optional<String> adminApiKey;
  private final Optional<Path> adminApiKeyFile;
  private final Optional<JwtSettings> jwt;
  private final RotationPolicy rotation;
  private final SecretStoreSettings secretStore;
  private final AuditSettings audit;
  private final MaskingPolicy masking;
  private final DatabaseSettings database;
  private final KubernetesSettings kubernetes;
  private final AccessPolicy accessPolicy;
  private final RateLimitSettings rateLimit;
  private final MonitoringSettings monitoring;
  private final Optional<URI> alertWebhook;
  private final String alertWebhookSecretName;
  private final HttpSecuritySettings http;
  private final OutputLimits outputLimits;
  private final McpServerSettings mcp;

  private ServerConfiguration(Reader r, Path workDir) {
    ServerSettings.TransportMode mode =
        r.parse("server.mode", "all", ServerSettings.TransportMode::fromConfig, ServerSettings.TransportMode.ALL);
    this.server =
        r.parse("server.addr", "0.0.0.0:8080", a -> ServerSettings.parseAddress(a, mode), new ServerSettings("0.0.0.0", 8080, mode));
    this.tls = TlsSettings.read(r, workDir);

    // Authentication.
    boolean authEnabled = r.bool("auth.enabled", true);
    Set<AuthMethod> methods = r.parse("auth.mode", "apikey", ServerConfiguration::authMethods, Set.of(AuthMethod.API_KEY));
    Duration keyCacheTtl = Duration.ofSeconds(r.integer("auth.keyCacheSeconds", 5, 0, 3600));
    this.jwt = authEnabled && methods.contains(AuthMethod.JWT) ? readJwt(r, workDir) : Optional.empty();
    Set<AuthMethod> accepted = EnumSet.noneOf(AuthMethod.class);
    if (authEnabled) {
      accepted.addAll(methods);
      // A client certificate verified by the TLS handshake may identify the caller.
      tls.filter(TlsSettings::certificatePrincipal).ifPresent(t -> accepted.add(AuthMethod.MTLS));
    }
    this.authentication =
        new AuthenticationSettings(
            authEnabled, accepted, keyCacheTtl, Set.copyOf(jwt.map(JwtSettings::requiredScopes).orElse(List.of())));
    this.adminApiKeyFile = r.optional("auth.apiKeyFile").map(p -> workDir.resolve(p).normalize());
    Optional<String> apiKey = r.optional("auth.apiKey");
    if (apiKey.isPresent() && adminApiKeyFile.isPresent()) {
      r.problem("auth.apiKey", "and auth.apiKeyFile are both set; use one");
    }
    apiKey.ifPresent(k -> checkStrength(r, "auth.apiKey", k));
    this.adminApiKey = apiKey;

    // Key rotation (the seed guide's secrets block).
    Optional<Duration> interval = r.optionalLong("secrets.rotation_interval", 1, 24L * 3650).map(Duration::ofHours);
    Optional<Duration> maxAge = r.optionalLong("secrets.max_age", 1, 3650).map(Duration::ofDays);
    Duration overlap = Duration.ofHours(r.integer("secrets.overlap_hours", 24, 0, 24 * 30));
    RotationPolicy rotationPolicy = RotationPolicy.none();
    try {
      rotationPolicy = new RotationPolicy(interval, maxAge, r.bool("secrets.keep_expired", true), overlap);
    } catch (IllegalArgumentException e) {
      r.problem("secrets", e.getMessage());
    }
    this.rotation = rotationPolicy;
    SecretStoreSettings.Kind storeKind = r.parse("secrets.store", "env", SecretStoreSettings.Kind::fromConfig, SecretStoreSettings.Kind.ENV);
    Optional<Path> storeDir = r.optional("secrets.dir").map(p -> workDir.resolve(p).normalize());
    if (storeKind == SecretStoreSettings.Kind.FILE && storeDir.isEmpty()) {
      r.problem("secrets.dir", "is required when secrets.store is file");
    }
    Optional<String> secretName = r.optional("secrets.kubernetes.name");
    if (storeKind == SecretStoreSettings.Kind.KUBERNETES && secretName.isEmpty()) {
      r.problem("secrets.kubernetes.name", "is required when secrets.store is kubernetes");
    }
    this.secretStore = new SecretStoreSettings(storeKind, storeDir, r.optional("secrets.kubernetes.namespace"), secretName);

    // Audit.
    String storage = r.string("audit.storage", "database");
    if (!storage.equalsIgnoreCase("database")) {
      r.problem("audit.storage", "must be database (got '" + storage + "')");
    }
    long maxRecords = r.longValue("audit.database.maxRecords", 100_000, 100, 1_000_000_000L);
    Optional<Duration> maxAgeDays = r.optionalLong("audit.database.maxAgeDays", 1, 36_500).map(Duration::ofDays);
    this.audit =
        new AuditSettings(
            r.bool("audit.enabled", true),
            r.integer("audit.bufferSize", 10_000, 100, 1_000_000),
            r.integer("audit.batchSize", 500, 1, 10_000),
            r.bool("audit.failClosed", true),
            new RetentionPolicy(maxRecords, maxAgeDays, 1000));
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
    this.database = readDatabase(r, workDir);

    // Kubernetes and policies.
    this.kubernetes =
        new KubernetesSettings(
            r.optional("kubernetes.kubeconfig").map(p -> workDir.resolve(p).normalize()),
            r.optional("kubernetes.context"),
            Duration.ofSeconds(r.integer("kubernetes.connectTimeoutSeconds", 5, 1, 300)),
            Duration.ofSeconds(r.integer("kubernetes.requestTimeoutSeconds", 30, 1, 3600)),
            r.list("kubernetes.contexts"),
            r.bool("kubernetes.impersonate", false));
    ServerMode serverMode = kubernetesMode(r);
    this.accessPolicy = PolicyConfig.read(r, serverMode);

    // Rate limits and monitoring.
    RateLimitPolicy perPrincipal = rateLimitPolicy(r, "ratelimit", RateLimitPolicy.seedGuide());
    this.rateLimit =
        new RateLimitSettings(r.bool("ratelimit.enabled", true), perPrincipal, rateLimitPolicy(r, "ratelimit.per_address", perPrincipal));
    this.monitoring =
        new MonitoringSettings(
            r.integer("monitoring.auth_failure_threshold", 5, 1, 100_000),
            Duration.ofSeconds(r.integer("monitoring.auth_failure_window", 300, 1, 86_400)),
            Duration.ofSeconds(r.integer("monitoring.block_duration", 300, 0, 86_400 * 7)),
            r.bool("monitoring.anomaly_detection.enabled", true),
            r.parse("monitoring.anomaly_detection.sensitivity", "medium", Sensitivity::fromConfig, Sensitivity.MEDIUM));
    this.alertWebhook = r.optional("monitoring.webhook.url").flatMap(u -> r.uri("monitoring.webhook.url", u, false));
    this.alertWebhookSecretName = r.string("monitoring.webhook.secretName", "monitoring-webhook-secret");

    // The HTTP edge.
    List<NetworkRange> trusted = r.networks("server.trustedProxies", List.of());
    List<NetworkRange> metricsFrom = r.networks("monitoring.metrics.allowFrom", List.of("127.0.0.1/32", "::1/128"));
    List<String> allowedHosts = r.list("server.allowedHosts");
    if (allowedHosts.isEmpty() && isLoopback(server.host())) {
      // A server bound to loopback answers only to loopback names: DNS rebinding cannot reach it.
      allowedHosts = List.of("localhost", "127.0.0.1", "[::1]", "::1");
    }
    this.http =
        new HttpSecuritySettings(
            new TrustedProxies(trusted),
            metricsFrom,
            r.optional("server.publicUrl").flatMap(u -> r.uri("server.publicUrl", u, true)).map(URI::toString),
            jwt.map(j -> List.of(j.issuer())).orElse(List.of()),
            jwt.map(JwtSettings::requiredScopes).orElse(List.of()),
            authentication.accepts(AuthMethod.JWT),
            !authEnabled || authentication.accepts(AuthMethod.API_KEY),
            r.list("server.allowedOrigins"),
            allowedHosts,
            tls.isPresent(),
            tls.map(TlsSettings::certificatePrincipal).orElse(false));

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
            server.mode().sse(),
            r.bool("server.stateless", false),
            conformanceFixtures(r, server));
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

  /**
   * The server-wide limits of the {@code kubernetes} section: read-only and non-destructive modes,
   * which tools exist, which namespaces and kinds any call may address, and what a destructive call
   * does when the client cannot ask its user to confirm.
   */
  static ServerMode kubernetesMode(Reader r) {
    List<String> toolPatterns = new ArrayList<>(r.listOr("kubernetes.enabledTools", List.of("*")));
    for (String disabled : r.list("kubernetes.disabledTools")) {
      toolPatterns.add("!" + disabled);
    }
    List<String> namespacePatterns = new ArrayList<>(r.listOr("kubernetes.namespaces", List.of("*")));
    for (String denied : r.list("kubernetes.deniedNamespaces")) {
      namespacePatterns.add("!" + denied);
    }
    GlobSet tools = globs(r, "kubernetes.enabledTools", toolPatterns);
    GlobSet namespaces = globs(r, "kubernetes.namespaces", namespacePatterns);
    ResourceDenyList denied = ResourceDenyList.none();
    try {
      denied = ResourceDenyList.of(r.list("kubernetes.deniedResources"));
    } catch (IllegalArgumentException e) {
      r.problem("kubernetes.deniedResources", e.getMessage());
    }
    ConfirmationFallback fallback =
        r.parse("kubernetes.confirmationFallback", "allow", ConfirmationFallback::fromWireName, ConfirmationFallback.ALLOW);
    return new ServerMode(r.bool("kubernetes.readOnly", false), r.bool("kubernetes.disableDestructive", false))
        .with(tools, namespaces, denied, fallback);
  }

  private static GlobSet globs(Reader r, String key, List<String> patterns) {
    try {
      return GlobSet.of(patterns);
    } catch (IllegalArgumentException e) {
      r.problem(key, e.getMessage());
      return GlobSet.all();
    }
  }

  /**
   * The conformance suite's fixtures are test doubles that bypass the cluster, the policy and the
   * audit trail: they are accepted only on a server that listens on loopback.
   */
  private static boolean conformanceFixtures(Reader r, ServerSettings server) {
    boolean on = r.bool("testing.conformanceFixtures", false);
    if (on && !isLoopback(server.host())) {
      r.problem("testing.conformanceFixtures", "is for tests only and needs server.addr on a loopback address (127.0.0.1, ::1 or localhost)");
      return false;
    }
    return on;
  }

  static void checkStrength(Reader r, String key, String value) {
    List<String> broken = KeyStrengthPolicy.seedGuide().violations(value);
    if (!broken.isEmpty()) {
      r.problem(
          key,
          "is not a strong API key: "
              + String.join("; ", broken)
              + " (rule: at least 16 characters and 3 of upper case, lower case, digit, special)");
    }
  }

  private static Optional<JwtSettings> readJwt(Reader r, Path workDir) {
    Optional<String> issuer = r.optional("auth.jwt.issuer");
    Optional<String> discovery = r.optional("auth.jwt.discoveryUrl");
    Optional<String> jwks = r.optional("auth.jwt.jwksUri");
    Optional<String> publicKey = r.optional("auth.jwt.publicKey");
    Optional<Path> caFile = r.optional("auth.jwt.caFile").map(p -> workDir.resolve(p).normalize());
    if (caFile.isPresent() && !Files.isReadable(caFile.get())) {
      r.problem("auth.jwt.caFile", "names a file that does not exist or cannot be read: " + caFile.get());
      return Optional.empty();
    }
    if (discovery.isPresent() && (jwks.isEmpty() || issuer.isEmpty())) {
      try {
        OidcDiscovery.Document doc = OidcDiscovery.fetch(URI.create(discovery.get()), caFile);
        issuer = issuer.or(() -> Optional.of(doc.issuer()));
        jwks = jwks.or(() -> Optional.of(doc.jwksUri()));
      } catch (RuntimeException e) {
        r.problem("auth.jwt.discoveryUrl", "could not be read: " + e.getMessage());
        return Optional.empty();
      }
    }
    if (issuer.isEmpty()) {
      r.problem("auth.jwt.issuer", "is required when auth.mode includes jwt (or give auth.jwt.discoveryUrl)");
      return Optional.empty();
    }
    jwks.ifPresent(u -> r.uri("auth.jwt.jwksUri", u, false));
    try {
      return Optional.of(
          new JwtSettings(
              issuer.get(),
              r.list("auth.jwt.audiences"),
              jwks,
              publicKey,
              r.string("auth.jwt.groupsClaim", "groups"),
              Duration.ofSeconds(r.integer("auth.jwt.clockSkewSeconds", 60, 0, 3600)),
              r.string("auth.jwt.algorithm", "RS256").toUpperCase(Locale.ROOT),
              r.list("auth.jwt.requiredScopes"),
              caFile));
    } catch (IllegalArgumentException e) {
      r.problem("auth.jwt", e.getMessage());
      return Optional.empty();
    }
  }

  private static DatabaseSettings readDatabase(Reader r, Path workDir) {
    DatabaseSettings.Type dbType =
        r.parse("audit.database.type", "embedded", DatabaseSettings.Type::fromConfig, DatabaseSettings.Type.EMBEDDED);
    String url = r.optional("audit.database.url").orElse(null);
    if (dbType == DatabaseSettings.Type.POSTGRESQL && (url == null || !url.startsWith("jdbc:postgresql:"))) {
      r.problem("audit.database.url", "must be a jdbc:postgresql:// URL when audit.database.type is postgresql");
      url = "jdbc:postgresql://invalid/invalid";
    }
    Path dataDir = workDir.resolve(r.string("audit.database.dataDir", "data")).normalize();
    try {
      return new DatabaseSettings(
          dbType,
          url,
          r.optional("audit.database.username").orElse(dbType == DatabaseSettings.Type.EMBEDDED ? "sa" : null),
          r.optional("audit.database.password").orElse(""),
          dataDir,
          r.integer("audit.database.poolSize", 8, 1, 200),
          r.optional("audit.database.schema"));
    } catch (IllegalArgumentException e) {
      r.problem("audit.database", e.getMessage());
      return new DatabaseSettings(DatabaseSettings.Type.EMBEDDED, null, "sa", "", dataDir, 1, Optional.empty());
    }
  }

  private static RateLimitPolicy rateLimitPolicy(Reader r, String prefix, RateLimitPolicy fallback) {
    double rps = r.decimal(prefix + ".requests_per_second", fallback.requestsPerSecond(), 0.001, 1_000_000);
    int burst = r.integer(prefix + ".burst", fallback.burst(), 1, 10_000_000);
    return new RateLimitPolicy(rps, burst);
  }

  private static boolean isLoopback(String host) {
    return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
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

  public Optional<TlsSettings> tls() {
    return tls;
  }

  public AuthenticationSettings authentication() {
    return authentication;
  }

  /** The value of {@code auth.apiKey}; a secret, never log it. */
  public Optional<String> adminApiKey() {
    return adminApiKey;
  }

  /** {@code auth.apiKeyFile}: a file holding the administrator key (a mounted Secret). */
  public Optional<Path> adminApiKeyFile() {
    return adminApiKeyFile;
  }

  public Optional<JwtSettings> jwt() {
    return jwt;
  }

  public RotationPolicy rotation() {
    return rotation;
  }

  public SecretStoreSettings secretStore() {
    return secretStore;
  }

  public AuditSettings audit() {
    return audit;
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

  public RateLimitSettings rateLimit() {
    return rateLimit;
  }

  public MonitoringSettings monitoring() {
    return monitoring;
  }

  public Optional<URI> alertWebhook() {
    return alertWebhook;
  }

  public String alertWebhookSecretName() {
    return alertWebhookSecretName;
  }

  public HttpSecuritySettings http() {
    return http;
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

    List<String> listOr(String key, List<String> fallback) {
      List<String> l = list(key);
      return l.isEmpty() ? fallback : l;
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
      return optionalLong(key, min, max).orElse(fallback);
    }

    Optional<Long> optionalLong(String key, long min, long max) {
      Optional<String> v = optional(key);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      try {
        long n = Long.parseLong(v.get());
        if (n < min || n > max) {
          problem(key, "must be between " + min + " and " + max + " (got " + n + ")");
          return Optional.empty();
        }
        return Optional.of(n);
      } catch (NumberFormatException e) {
        problem(key, "must be a whole number (got '" + v.get() + "')");
        return Optional.empty();
      }
    }

    double decimal(String key, double fallback, double min, double max) {
      Optional<String> v = optional(key);
      if (v.isEmpty()) {
        return fallback;
      }
      try {
        double d = Double.parseDouble(v.get());
        if (!(d >= min && d <= max)) {
          problem(key, "must be between " + min + " and " + max + " (got " + v.get() + ")");
          return fallback;
        }
        return d;
      } catch (NumberFormatException e) {
        problem(key, "must be a number (got '" + v.get() + "')");
        return fallback;
      }
    }

    List<NetworkRange> networks(String key, List<String> fallback) {
      List<String> raw = list(key);
      List<NetworkRange> out = new ArrayList<>();
      for (String n : raw.isEmpty() ? fallback : raw) {
        try {
          out.add(NetworkRange.parse(n));
        } catch (IllegalArgumentException e) {
          problem(key, e.getMessage());
        }
      }
      return out;
    }

    Optional<URI> uri(String key, String value, boolean allowHttp) {
      try {
        URI u = URI.create(value);
        if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http")) || u.getHost() == null) {
          problem(key, "must be an http(s) URL (got '" + value + "')");
          return Optional.empty();
        }
        return Optional.of(u);
      } catch (IllegalArgumentException e) {
        problem(key, "must be an http(s) URL (got '" + value + "')");
        return Optional.empty();
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
