package io.cloudnativemcp.adapter.out.k8s;

import io.cloudnativemcp.application.port.out.UnknownKindException;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * What one cluster serves, learnt from API discovery ({@code /api}, {@code /apis} and each group
 * version) and cached. A kind that is not in the cache triggers a refresh (at most every few
 * seconds), so CRDs installed after start are found. When discovery cannot be read (an old proxy,
 * a test server) the built-in kinds stand in.
 */
final class ApiDiscovery {
  static final Duration TTL = Duration.ofMinutes(10);
  static final Duration MIN_REFRESH = Duration.ofSeconds(5);
  private static final Logger LOG = Logger.getLogger(ApiDiscovery.class.getName());

  private final Supplier<ApiClient> client;
  private final Duration minRefresh;
  private volatile Snapshot snapshot;
  private volatile long lastAttempt;

  /** One reading of discovery. */
  record Snapshot(List<ApiResource> resources, List<String> versions, Map<String, ApiResource> byName, boolean discovered, long at) {}

  ApiDiscovery(Supplier<ApiClient> client) {
    this(client, MIN_REFRESH);
  }

  ApiDiscovery(Supplier<ApiClient> client, Duration minRefresh) {
    this.client = client;
    this.minRefresh = minRefresh;
  }

  ApiResource resolve(String kind) {
    String key = kind.trim().toLowerCase(Locale.ROOT);
    ApiResource r = current().byName().get(key);
    if (r == null && refreshAllowed()) {
      r = refresh().byName().get(key);
    }
    if (r == null) {
      throw new UnknownKindException(kind, suggestions(key, current().byName()));
    }
    return r;
  }

  List<ApiResource> resources() {
    return current().resources();
  }

  List<String> versions() {
    return current().versions();
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if (s == null || System.currentTimeMillis() - s.at() > TTL.toMillis()) {
      synchronized (this) {
        s = snapshot;
        if (s == null || System.currentTimeMillis() - s.at() > TTL.toMillis()) {
          s = refresh();
        }
      }
    }
    return s;
  }

  private boolean refreshAllowed() {
    return System.currentTimeMillis() - lastAttempt >= minRefresh.toMillis();
  }

  synchronized Snapshot refresh() {
    lastAttempt = System.currentTimeMillis();
    List<String> versions = new ArrayList<>();
    List<ApiResource> resources;
    boolean discovered;
    try {
      resources = discover(client.get(), versions);
      discovered = true;
    } catch (io.cloudnativemcp.application.port.out.ClusterException e) {
      throw e; // not configured, unreachable: the caller must hear it
    } catch (RuntimeException | io.kubernetes.client.openapi.ApiException e) {
      if (snapshot != null && snapshot.discovered()) {
        LOG.warning("API discovery failed (" + e + "); keeping the previous answer.");
        return snapshot;
      }
      LOG.fine("API discovery unavailable (" + e + "); using the built-in kinds.");
      resources = KnownKinds.all();
      versions = resources.stream().map(ApiResource::apiVersion).distinct().toList();
      discovered = false;
    }
    snapshot = new Snapshot(List.copyOf(resources), List.copyOf(versions), index(resources), discovered, System.currentTimeMillis());
    return snapshot;
  }

  /** Reads discovery; a response that is not discovery (a test server's list) counts as failure. */
  private static List<ApiResource> discover(ApiClient c, List<String> versionsOut) throws io.kubernetes.client.openapi.ApiException {
    Map<String, Object> core = Rest.get(c, "/api");
    if (!"APIVersions".equals(core.get("kind"))) {
      throw new IllegalStateException("/api did not answer APIVersions");
    }
    List<ApiResource> resources = new ArrayList<>();
    for (Object v : list(core.get("versions"))) {
      versionsOut.add(String.valueOf(v));
      resources.addAll(resourceList(c, "/api/" + v, "", String.valueOf(v)));
    }
    Map<String, Object> groups = Rest.get(c, "/apis");
    if (!"APIGroupList".equals(groups.get("kind"))) {
      throw new IllegalStateException("/apis did not answer APIGroupList");
    }
    for (Object g : list(groups.get("groups"))) {
      if (!(g instanceof Map<?, ?> group)) {
        continue;
      }
      String name = String.valueOf(group.get("name"));
      for (Object v : list(group.get("versions"))) {
        if (v instanceof Map<?, ?> version && version.get("groupVersion") != null) {
          versionsOut.add(String.valueOf(version.get("groupVersion")));
        }
      }
      String preferred =
          group.get("preferredVersion") instanceof Map<?, ?> p && p.get("version") != null
              ? String.valueOf(p.get("version"))
              : list(group.get("versions")).stream()
                  .filter(v -> v instanceof Map<?, ?>)
                  .map(v -> String.valueOf(((Map<?, ?>) v).get("version")))
                  .findFirst()
                  .orElse(null);
      if (preferred == null) {
        continue;
      }
      try {
        resources.addAll(resourceList(c, "/apis/" + name + "/" + preferred, name, preferred));
      } catch (io.kubernetes.client.openapi.ApiException | RuntimeException e) {
        // An aggregated API that is down (often metrics.k8s.io) must not hide every other group.
        LOG.fine("API discovery of " + name + "/" + preferred + " failed: " + e);
      }
    }
    return resources;
  }

  private static List<ApiResource> resourceList(ApiClient c, String path, String group, String version)
      throws io.kubernetes.client.openapi.ApiException {
    Map<String, Object> list = Rest.get(c, path);
    List<ApiResource> out = new ArrayList<>();
    for (Object o : list(list.get("resources"))) {
      if (!(o instanceof Map<?, ?> r)) {
        continue;
      }
      String name = String.valueOf(r.get("name"));
      if (name.contains("/")) {
        continue; // subresources such as pods/log
      }
      List<String> shortNames = list(r.get("shortNames")).stream().map(String::valueOf).toList();
      List<String> verbs = list(r.get("verbs")).stream().map(String::valueOf).toList();
      String singular = r.get("singularName") == null ? null : String.valueOf(r.get("singularName"));
      out.add(new ApiResource(group, version, String.valueOf(r.get("kind")), name, singular,
          Boolean.TRUE.equals(r.get("namespaced")), shortNames, verbs));
    }
    return out;
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  /** Every name a resource answers to; the first resource to claim a name keeps it (core before groups). */
  static Map<String, ApiResource> index(List<ApiResource> resources) {
    Map<String, ApiResource> byName = new LinkedHashMap<>();
    // Full names first, so they win over a colliding short name of another group.
    for (ApiResource r : resources) {
      for (String n : qualifiedNames(r)) {
        byName.putIfAbsent(n, r);
      }
    }
    List<ApiResource> ordered = new ArrayList<>(resources);
    // Core and well-known groups first for the bare names (pods, deployments), as kubectl prefers them.
    ordered.sort(Comparator.comparingInt(ApiDiscovery::groupRank));
    for (ApiResource r : ordered) {
      for (String n : bareNames(r)) {
        byName.putIfAbsent(n, r);
      }
    }
    return byName;
  }

  private static int groupRank(ApiResource r) {
    if (r.group().isEmpty()) {
      return 0;
    }
    return r.group().endsWith(".k8s.io") || !r.group().contains(".") ? 1 : 2;
  }

  private static Set<String> bareNames(ApiResource r) {
    Set<String> names = new LinkedHashSet<>();
    names.add(r.kind().toLowerCase(Locale.ROOT));
    names.add(r.plural().toLowerCase(Locale.ROOT));
    names.add(r.singular().toLowerCase(Locale.ROOT));
    r.shortNames().forEach(s -> names.add(s.toLowerCase(Locale.ROOT)));
    return names;
  }

  private static Set<String> qualifiedNames(ApiResource r) {
    Set<String> names = new LinkedHashSet<>();
    if (!r.group().isEmpty()) {
      for (String n : bareNames(r)) {
        names.add(n + "." + r.group().toLowerCase(Locale.ROOT));
      }
      names.add(r.plural().toLowerCase(Locale.ROOT) + "." + r.version().toLowerCase(Locale.ROOT) + "." + r.group().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  static List<String> suggestions(String key, Map<String, ApiResource> byName) {
    return byName.keySet().stream()
        .filter(n -> !n.contains("."))
        .filter(n -> n.startsWith(key) || key.startsWith(n) || KnownKinds.distance(n, key) <= 2)
        .sorted(Comparator.comparingInt((String n) -> KnownKinds.distance(n, key)))
        .map(n -> byName.get(n).qualifiedName())
        .distinct()
        .limit(5)
        .toList();
  }
}
