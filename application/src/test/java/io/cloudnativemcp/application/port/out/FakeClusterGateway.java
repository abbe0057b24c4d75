package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ClusterTarget;
import io.cloudnativemcp.domain.cluster.DeleteOptions;
import io.cloudnativemcp.domain.cluster.Eviction;
import io.cloudnativemcp.domain.cluster.ExecRequest;
import io.cloudnativemcp.domain.cluster.ExecResult;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.PatchType;
import io.cloudnativemcp.domain.cluster.PermissionCheck;
import io.cloudnativemcp.domain.cluster.PermissionVerdict;
import io.cloudnativemcp.domain.cluster.PodLogQuery;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A programmable cluster that implements every cluster port. Objects are filed under their
 * resolved kind ({@code Pod}); queries may name a kind in any form discovery accepts ({@code
 * pods}, {@code po}, {@code Pod}, {@code deployments.apps}). Label selectors ({@code a=b},
 * {@code a!=b}, {@code a}) and simple field selectors ({@code spec.nodeName=x}) are honoured.
 * Every query and change is remembered.
 */
public final class FakeClusterGateway
    implements ClusterGateway, PodOperations, ClusterDiscovery, ClusterMetrics, PermissionsGateway {

  /** A patch as received. */
  public record PatchCall(ResourceRef ref, PatchType type, Object patch) {}

  /** A deletion as received. */
  public record DeleteCall(ResourceRef ref, DeleteOptions options) {}

  /** An eviction as received. */
  public record EvictCall(String namespace, String pod, Optional<Long> gracePeriodSeconds) {}

  /** A creation as received. */
  public record CreateCall(Map<String, Object> manifest, Optional<String> namespace) {}

  private static final List<ApiResource> BUILT_IN =
      List.of(
          core("Pod", "pods", true, "po"),
          core("Service", "services", true, "svc"),
          core("Namespace", "namespaces", false, "ns"),
          core("Node", "nodes", false, "no"),
          core("Event", "events", true, "ev"),
          core("ConfigMap", "configmaps", true, "cm"),
          core("Secret", "secrets", true),
          core("PersistentVolumeClaim", "persistentvolumeclaims", true, "pvc"),
          core("PersistentVolume", "persistentvolumes", false, "pv"),
          core("ServiceAccount", "serviceaccounts", true, "sa"),
          core("ReplicationController", "replicationcontrollers", true, "rc"),
          core("ResourceQuota", "resourcequotas", true, "quota"),
          group("apps", "Deployment", "deployments", true, "deploy"),
          group("apps", "StatefulSet", "statefulsets", true, "sts"),
          group("apps", "DaemonSet", "daemonsets", true, "ds"),
          group("apps", "ReplicaSet", "replicasets", true, "rs"),
          group("batch", "Job", "jobs", true),
          group("batch", "CronJob", "cronjobs", true, "cj"),
          group("networking.k8s.io", "Ingress", "ingresses", true, "ing"),
          group("policy", "PodDisruptionBudget", "poddisruptionbudgets", true, "pdb"),
          group("rbac.authorization.k8s.io", "ClusterRole", "clusterroles", false),
          group("autoscaling", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, "hpa"));

  private final Map<String, List<Map<String, Object>>> objectsByKind = new LinkedHashMap<>();
  private final List<ApiResource> resources = new ArrayList<>(BUILT_IN);
  private final Map<String, String> logs = new LinkedHashMap<>();
  private final List<Object> queries = new ArrayList<>();
  private final List<ClusterTarget> targets = new ArrayList<>();
  private final Map<String, Integer> evictionRefusals = new HashMap<>();
  private final AtomicInteger uids = new AtomicInteger();
  private String continueToken;
  private Long remainingItemCount;
  private RuntimeException failure;
  private Function<ExecRequest, ExecResult> exec = r -> new ExecResult("", "", Optional.of(0), false, false);
  private List<Map<String, Object>> podMetrics = new ArrayList<>();
  private List<Map<String, Object>> nodeMetrics = new ArrayList<>();
  private boolean metricsServed = true;
  private Function<PermissionCheck, PermissionVerdict> permissions = c -> new PermissionVerdict(true, false, "allowed by the fake", "");
  private boolean keepEvictedPods;

  private static ApiResource core(String kind, String plural, boolean namespaced, String... shortNames) {
    return new ApiResource("", "v1", kind, plural, null, namespaced, List.of(shortNames), List.of());
  }

  private static ApiResource group(String group, String kind, String plural, boolean namespaced, String... shortNames) {
    return new ApiResource(group, "v1", kind, plural, null, namespaced, List.of(shortNames), List.of());
  }

  /** Adds objects of a resolved kind such as {@code Pod}; name and namespace come from their metadata. */
  @SafeVarargs
  public final FakeClusterGateway with(String kind, Map<String, Object>... objects) {
    List<Map<String, Object>> list = objectsByKind.computeIfAbsent(kind, k -> new ArrayList<>());
    list.addAll(List.of(objects));
    if (resources.stream().noneMatch(r -> r.kind().equals(kind))) {
      // An unknown kind is served as a namespaced custom resource of a test group.
      resources.add(new ApiResource("test.example.com", "v1", kind, kind.toLowerCase(Locale.ROOT) + "s", null, true, List.of(), List.of()));
    }
    return this;
  }

  /** Serves a further resource type (a CRD, an OpenShift kind). */
  public FakeClusterGateway withResource(ApiResource resource) {
    resources.removeIf(r -> r.kind().equals(resource.kind()) && r.group().equals(resource.group()));
    resources.add(resource);
    return this;
  }

  /** Replaces a stored object (matched by kind, name and namespace) with a new state. */
  public synchronized FakeClusterGateway replace(String kind, Map<String, Object> object) {
    List<Map<String, Object>> list = objectsByKind.computeIfAbsent(kind, k -> new ArrayList<>());
    list.removeIf(o -> sameObject(o, object));
    list.add(object);
    return this;
  }

  /** Removes a stored object. */
  public synchronized FakeClusterGateway remove(String kind, String namespace, String name) {
    objectsByKind.getOrDefault(kind, new ArrayList<>())
        .removeIf(o -> name.equals(ObjectFields.string(o, "metadata", "name")) && Objects.equals(namespace, namespaceOf(o)));
    return this;
  }

  /** The log text of a pod, as the API server would return it. */
  public FakeClusterGateway withLog(String namespace, String pod, String text) {
    logs.put(namespace + "/" + pod, text);
    return this;
  }

  /** The pagination the next lists report. */
  public FakeClusterGateway withNextPage(String token, Long remaining) {
    this.continueToken = token;
    this.remainingItemCount = remaining;
    return this;
  }

  /** Every later call throws {@code e}. */
  public FakeClusterGateway failingWith(RuntimeException e) {
    this.failure = Objects.requireNonNull(e, "'e' must not be null");
    return this;
  }

  /** What a command in a container returns. */
  public FakeClusterGateway withExec(Function<ExecRequest, ExecResult> behaviour) {
    this.exec = Objects.requireNonNull(behaviour, "'behaviour' must not be null");
    return this;
  }

  @SafeVarargs
  public final FakeClusterGateway withPodMetrics(Map<String, Object>... metrics) {
    this.podMetrics = new ArrayList<>(List.of(metrics));
    return this;
  }

  @SafeVarargs
  public final FakeClusterGateway withNodeMetrics(Map<String, Object>... metrics) {
    this.nodeMetrics = new ArrayList<>(List.of(metrics));
    return this;
  }

  /** The cluster has no metrics-server. */
  public FakeClusterGateway withoutMetrics() {
    this.metricsServed = false;
    return this;
  }

  /** How the authorizer answers. */
  public FakeClusterGateway withPermissions(Function<PermissionCheck, PermissionVerdict> answer) {
    this.permissions = Objects.requireNonNull(answer, "'answer' must not be null");
    return this;
  }

  /** The next {@code times} evictions of a pod are refused by a disruption budget. */
  public FakeClusterGateway withEvictionRefused(String namespace, String pod, int times) {
    evictionRefusals.put(namespace + "/" + pod, times);
    return this;
  }

  /** Evicted pods stay (as if their termination took long). */
  public FakeClusterGateway keepingEvictedPods() {
    this.keepEvictedPods = true;
    return this;
  }

  // ---- ports ----

  @Override
  public synchronized FakeClusterGateway on(ClusterTarget target) {
    targets.add(target);
    return this;
  }

  @Override
  public synchronized ResourcePage list(ListQuery query) {
    queries.add(query);
    failIfTold();
    ApiResource type = resolve(query.kind());
    List<Map<String, Object>> items =
        objectsByKind.getOrDefault(type.kind(), List.of()).stream()
            .filter(o -> !type.namespaced() || query.namespace().isEmpty() || query.namespace().get().equals(namespaceOf(o)))
            .filter(o -> Selectors.labels(query.labelSelector(), o))
            .filter(o -> Selectors.fields(query.fieldSelector(), o))
            .limit(query.limit())
            .toList();
    return new ResourcePage(type.kind(), items, continueToken, remainingItemCount);
  }

  @Override
  public synchronized Map<String, Object> get(ResourceRef ref) {
    queries.add(ref);
    failIfTold();
    ApiResource type = resolve(ref.kind());
    return find(type, ref)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    type.kind() + " '" + ref.name() + "' not found" + ref.namespace().map(ns -> " in namespace " + ns).orElse("")));
  }

  @Override
  public synchronized Map<String, Object> create(Map<String, Object> manifest, Optional<String> namespace) {
    queries.add(new CreateCall(manifest, namespace));
    failIfTold();
    ApiResource type = resolve(String.valueOf(manifest.get("kind")));
    Map<String, Object> object = Selectors.deepCopy(manifest);
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) object.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    if (metadata.get("name") == null && metadata.get("generateName") != null) {
      metadata.put("name", metadata.get("generateName") + "x" + uids.incrementAndGet());
    }
    namespace.ifPresent(ns -> metadata.put("namespace", ns));
    ResourceRef ref = new ResourceRef(type.kind(), String.valueOf(metadata.get("name")), namespace);
    if (find(type, ref).isPresent()) {
      throw new ClusterRequestException(type.kind() + " '" + ref.name() + "': conflict (409) (already exists)");
    }
    metadata.put("uid", "uid-" + uids.incrementAndGet());
    metadata.put("resourceVersion", "1");
    objectsByKind.computeIfAbsent(type.kind(), k -> new ArrayList<>()).add(object);
    return object;
  }

  @Override
  public synchronized Map<String, Object> patch(ResourceRef ref, PatchType type, Object patch) {
    queries.add(new PatchCall(ref, type, patch));
    failIfTold();
    ApiResource resource = resolve(ref.kind());
    Map<String, Object> current = get(ref);
    Map<String, Object> patched =
        type == PatchType.JSON ? Selectors.jsonPatch(current, patch) : Selectors.mergePatch(current, patch);
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) patched.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    Object rv = metadata.get("resourceVersion");
    metadata.put("resourceVersion", String.valueOf(rv == null ? 2 : Long.parseLong(String.valueOf(rv)) + 1));
    replace(resource.kind(), patched);
    return patched;
  }

  @Override
  public synchronized void delete(ResourceRef ref, DeleteOptions options) {
    queries.add(new DeleteCall(ref, options));
    failIfTold();
    ApiResource type = resolve(ref.kind());
    Map<String, Object> existing = get(ref);
    objectsByKind.get(type.kind()).remove(existing);
  }

  @Override
  public synchronized String podLog(PodLogQuery query) {
    queries.add(query);
    failIfTold();
    String log = logs.get(query.namespace() + "/" + query.pod());
    if (log == null) {
      throw new ResourceNotFoundException("pod '" + query.pod() + "' not found in namespace " + query.namespace());
    }
    return log;
  }

  @Override
  public synchronized ExecResult exec(ExecRequest request) {
    queries.add(request);
    failIfTold();
    if (find(resolve("pods"), new ResourceRef("pods", request.pod(), Optional.of(request.namespace()))).isEmpty()
        && !objectsByKind.getOrDefault("Pod", List.of()).isEmpty()) {
      throw new ResourceNotFoundException("Pod '" + request.pod() + "' not found in namespace '" + request.namespace() + "'.");
    }
    return exec.apply(request);
  }

  @Override
  public synchronized Eviction evict(String namespace, String pod, Optional<Long> gracePeriodSeconds) {
    queries.add(new EvictCall(namespace, pod, gracePeriodSeconds));
    failIfTold();
    String key = namespace + "/" + pod;
    int refusals = evictionRefusals.getOrDefault(key, 0);
    if (refusals > 0) {
      evictionRefusals.put(key, refusals - 1);
      return new Eviction(Eviction.Outcome.BLOCKED_BY_DISRUPTION_BUDGET, "Cannot evict pod as it would violate the pod's disruption budget.");
    }
    ResourceRef ref = new ResourceRef("pods", pod, Optional.of(namespace));
    if (find(resolve("pods"), ref).isEmpty()) {
      return new Eviction(Eviction.Outcome.ALREADY_GONE, "pod not found");
    }
    if (!keepEvictedPods) {
      remove("Pod", namespace, pod);
    }
    return new Eviction(Eviction.Outcome.EVICTED, "evicted");
  }

  @Override
  public synchronized ApiResource resolve(String kind) {
    failIfTold();
    String k = kind.trim().toLowerCase(Locale.ROOT);
    for (ApiResource r : resources) {
      List<String> names = new ArrayList<>(List.of(r.kind().toLowerCase(Locale.ROOT), r.plural(), r.singular()));
      names.addAll(r.shortNames());
      if (!r.group().isEmpty()) {
        names.add(r.plural() + "." + r.group());
        names.add(r.kind().toLowerCase(Locale.ROOT) + "." + r.group());
      }
      if (names.contains(k)) {
        return r;
      }
    }
    throw new UnknownKindException(kind, List.of());
  }

  @Override
  public synchronized List<ApiResource> resources() {
    failIfTold();
    return List.copyOf(resources);
  }

  @Override
  public synchronized List<String> apiVersions() {
    failIfTold();
    List<String> versions = new ArrayList<>(resources.stream().map(ApiResource::apiVersion).distinct().toList());
    if (metricsServed) {
      versions.add("metrics.k8s.io/v1beta1");
    }
    return versions;
  }

  @Override
  public synchronized List<Map<String, Object>> podMetrics(Optional<String> namespace, Optional<String> name) {
    queries.add("podMetrics:" + namespace.orElse("*") + "/" + name.orElse("*"));
    failIfTold();
    requireMetrics();
    List<Map<String, Object>> out =
        podMetrics.stream()
            .filter(m -> namespace.isEmpty() || namespace.get().equals(namespaceOf(m)))
            .filter(m -> name.isEmpty() || name.get().equals(ObjectFields.string(m, "metadata", "name")))
            .toList();
    if (name.isPresent() && out.isEmpty()) {
      throw new ResourceNotFoundException("No metrics for pod '" + name.get() + "'.");
    }
    return out;
  }

  @Override
  public synchronized List<Map<String, Object>> nodeMetrics(Optional<String> name) {
    queries.add("nodeMetrics:" + name.orElse("*"));
    failIfTold();
    requireMetrics();
    List<Map<String, Object>> out =
        nodeMetrics.stream().filter(m -> name.isEmpty() || name.get().equals(ObjectFields.string(m, "metadata", "name"))).toList();
    if (name.isPresent() && out.isEmpty()) {
      throw new ResourceNotFoundException("No metrics for node '" + name.get() + "'.");
    }
    return out;
  }

  @Override
  public synchronized PermissionVerdict check(PermissionCheck check) {
    queries.add(check);
    failIfTold();
    return permissions.apply(check);
  }

  /** Unreachable or not configured while told to fail with the matching exception; never throws. */
  @Override
  public synchronized Reachability reachability() {
    if (failure instanceof ClusterNotConfiguredException) {
      return Reachability.NOT_CONFIGURED;
    }
    return failure instanceof ClusterUnavailableException ? Reachability.UNREACHABLE : Reachability.REACHABLE;
  }

  // ---- inspection ----

  /** Every query received, oldest first. */
  public synchronized List<Object> queries() {
    return List.copyOf(queries);
  }

  /** The most recent query of a type, such as {@code ListQuery.class}. */
  public synchronized <T> Optional<T> lastQuery(Class<T> type) {
    for (int i = queries.size() - 1; i >= 0; i--) {
      if (type.isInstance(queries.get(i))) {
        return Optional.of(type.cast(queries.get(i)));
      }
    }
    return Optional.empty();
  }

  /** Every query of a type, oldest first. */
  public synchronized <T> List<T> queries(Class<T> type) {
    return queries.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The targets the ports were bound to, oldest first. */
  public synchronized List<ClusterTarget> targets() {
    return List.copyOf(targets);
  }

  /** The stored objects of a kind. */
  public synchronized List<Map<String, Object>> objects(String kind) {
    return List.copyOf(objectsByKind.getOrDefault(kind, List.of()));
  }

  private Optional<Map<String, Object>> find(ApiResource type, ResourceRef ref) {
    return objectsByKind.getOrDefault(type.kind(), List.of()).stream()
        .filter(o -> ref.name().equals(ObjectFields.string(o, "metadata", "name")))
        .filter(o -> !type.namespaced() || Objects.equals(ref.namespace().orElse(null), namespaceOf(o)))
        .findFirst();
  }

  private void requireMetrics() {
    if (!metricsServed) {
      throw new MetricsUnavailableException("The cluster serves no resource metrics (metrics.k8s.io): metrics-server is not installed.");
    }
  }

  private void failIfTold() {
    if (failure != null) {
      throw failure;
    }
  }

  private static boolean sameObject(Map<String, Object> a, Map<String, Object> b) {
    return Objects.equals(ObjectFields.string(a, "metadata", "name"), ObjectFields.string(b, "metadata", "name"))
        && Objects.equals(namespaceOf(a), namespaceOf(b));
  }

  private static String namespaceOf(Map<String, Object> object) {
    return ObjectFields.string(object, "metadata", "namespace");
  }
}
