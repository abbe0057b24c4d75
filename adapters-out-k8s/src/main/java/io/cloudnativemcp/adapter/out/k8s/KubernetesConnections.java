package io.cloudnativemcp.adapter.out.k8s;

import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.application.port.out.UnknownContextException;
import io.cloudnativemcp.domain.cluster.ClusterTarget;
import io.kubernetes.client.openapi.ApiClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import okhttp3.Interceptor;
import okhttp3.Request;

/**
 * The API clients, one per context and, with impersonation, one per caller identity. An
 * impersonating client carries {@code Impersonate-User} and one {@code Impersonate-Group} per
 * group on every request, on top of the server's own credentials; a caller's credentials are
 * never forwarded. Only configured contexts can be chosen.
 */
final class KubernetesConnections {
  static final int MAX_IDENTITIES = 256;
  private static final Logger LOG = Logger.getLogger(KubernetesConnections.class.getName());
  private static final String DEFAULT = "";

  private final KubernetesSettings settings;
  private final Interceptor measured;
  private final Map<String, ApiClient> byContext = new ConcurrentHashMap<>();
  private final Map<String, ApiDiscovery> discovery = new ConcurrentHashMap<>();
  private final Map<List<Object>, ApiClient> byIdentity =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, ApiClient> eldest) {
          return size() > MAX_IDENTITIES;
        }
      };

  KubernetesConnections(KubernetesSettings settings, MetricsRecorder metrics) {
    this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
    this.measured = new ApiCallMetrics(Objects.requireNonNull(metrics, "'metrics' must not be null"));
  }

  KubernetesSettings settings() {
    return settings;
  }

  /** The client for a target: its context, and its identity when the server impersonates. */
  ApiClient client(ClusterTarget target) {
    String context = context(target.context());
    if (!settings.impersonate() || target.user().isEmpty()) {
      return base(context);
    }
    List<Object> key = List.of(context, target.user().get(), new TreeSet<>(target.groups()));
    synchronized (byIdentity) {
      ApiClient c = byIdentity.get(key);
      if (c == null) {
        c = impersonating(context, target.user().get(), target.groups());
        byIdentity.put(key, c);
      }
      return c;
    }
  }

  /** The client of a context with the server's own identity. */
  ApiClient base(String context) {
    return byContext.computeIfAbsent(
        context,
        c -> {
          ApiClient client = KubernetesConnection.connect(settings, c.isEmpty() ? Optional.empty() : Optional.of(c));
          client.setHttpClient(client.getHttpClient().newBuilder().addInterceptor(measured).build());
          LOG.info("Kubernetes: connected to " + client.getBasePath() + (c.isEmpty() ? "" : " (context " + c + ")"));
          return client;
        });
  }

  /** The discovery cache of a target's context (discovery is read with the server's identity). */
  ApiDiscovery discovery(ClusterTarget target) {
    String context = context(target.context());
    return discovery.computeIfAbsent(context, c -> new ApiDiscovery(() -> base(c)));
  }

  /**
   * The key of a requested context: {@code ""} for the default (also when it is named), the name
   * for an allowed one.
   *
   * @throws UnknownContextException for a context the server may not use
   */
  String context(Optional<String> requested) {
    if (requested.isEmpty() || requested.get().equals(settings.context().orElse(null))) {
      return DEFAULT;
    }
    String name = requested.get();
    List<String> existing = KubernetesConnection.contextNames(settings);
    if (settings.allowsContext(name) && existing.contains(name)) {
      return name;
    }
    if (settings.context().isEmpty() && existing.isEmpty()) {
      throw new UnknownContextException(name, List.of());
    }
    throw new UnknownContextException(name, available(existing));
  }

  private List<String> available(List<String> existing) {
    List<String> names = new ArrayList<>();
    settings.context().ifPresent(names::add);
    for (String c : existing) {
      if (settings.allowsContext(c) && !names.contains(c)) {
        names.add(c);
      }
    }
    return names;
  }

  private ApiClient impersonating(String context, String user, Set<String> groups) {
    ApiClient c = KubernetesConnection.connect(settings, context.isEmpty() ? Optional.empty() : Optional.of(context));
    List<String> sortedGroups = new ArrayList<>(new TreeSet<>(groups));
    Interceptor impersonation =
        chain -> {
          Request.Builder r = chain.request().newBuilder()
              .removeHeader("Impersonate-User")
              .removeHeader("Impersonate-Group")
              .removeHeader("Impersonate-Uid")
              .header("Impersonate-User", user);
          for (String g : sortedGroups) {
            r.addHeader("Impersonate-Group", g);
          }
          return chain.proceed(r.build());
        };
    // Derived from the context's client: the same connection pool and credentials, plus the identity.
    c.setHttpClient(base(context).getHttpClient().newBuilder().addInterceptor(impersonation).build());
    return c;
  }
}
