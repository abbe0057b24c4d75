package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import io.cloudnativemcp.application.port.out.ClusterDiscovery;
import io.cloudnativemcp.application.port.out.ClusterGateway;
import io.cloudnativemcp.application.port.out.ClusterMetrics;
import io.cloudnativemcp.application.port.out.PermissionsGateway;
import io.cloudnativemcp.application.port.out.PodOperations;
import io.cloudnativemcp.application.port.out.ResourceNotFoundException;
import io.cloudnativemcp.domain.access.RestrictedResourceException;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.DeleteOptions;
import io.cloudnativemcp.domain.cluster.Eviction;
import io.cloudnativemcp.domain.cluster.ExecRequest;
import io.cloudnativemcp.domain.cluster.ExecResult;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.PatchType;
import io.cloudnativemcp.domain.cluster.PermissionCheck;
import io.cloudnativemcp.domain.cluster.PermissionVerdict;
import io.cloudnativemcp.domain.cluster.PodLogQuery;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ports bound to one call's target, guarded by the server mode: a denied kind or namespace
 * fails with {@link RestrictedResourceException} before the cluster is asked, and listings across
 * namespaces drop what lies outside the served namespaces.
 */
final class ClusterSession {
  static final String DEFAULT_NAMESPACE = "default";

  private final ClusterGateway resources;
  private final PodOperations pods;
  private final ClusterDiscovery discovery;
  private final ClusterMetrics metrics;
  private final PermissionsGateway permissions;
  private final ServerMode mode;
  private final MaskingPolicy masking;

  ClusterSession(
      ClusterGateway resources,
      PodOperations pods,
      ClusterDiscovery discovery,
      ClusterMetrics metrics,
      PermissionsGateway permissions,
      ServerMode mode,
      MaskingPolicy masking) {
    this.resources = resources;
    this.pods = pods;
    this.discovery = discovery;
    this.metrics = metrics;
    this.permissions = permissions;
    this.mode = mode;
    this.masking = masking;
  }

  /** Resolves a kind through discovery and refuses a denied one. */
  ApiResource resolve(String kind) {
    ApiResource r = discovery.resolve(kind);
    if (!mode.servesKind(r.group(), r.kind())) {
      throw new RestrictedResourceException(
          "Kind " + r.kind() + (r.group().isEmpty() ? "" : " (" + r.group() + ")")
              + " is not available on this server: it is in kubernetes.deniedResources.");
    }
    return r;
  }

  void checkNamespace(String namespace) {
    if (!mode.servesNamespace(namespace)) {
      throw new RestrictedResourceException(
          "Namespace '" + namespace + "' is outside the namespaces this server serves (kubernetes.namespaces).");
    }
  }

  /** Lists a page; across namespaces, objects of namespaces the server does not serve are dropped. */
  ResourcePage list(ListQuery query) {
    ApiResource r = resolve(query.kind());
    ListQuery effective = query;
    if (r.namespaced() && query.namespace().isPresent()) {
      checkNamespace(query.namespace().get());
    } else if (!r.namespaced() && query.namespace().isPresent()) {
      effective = new ListQuery(query.kind(), Optional.empty(), query.labelSelector(), query.fieldSelector(), query.limit(), query.continueToken());
    }
    ResourcePage page = resources.list(effective);
    boolean events = r.kind().equals("Event");
    if (!mode.restrictsNamespaces() && !events) {
      return page;
    }
    // Event messages quote what failed, credentials included ("password=..."): masked at the source.
    List<Map<String, Object>> kept =
        page.items().stream().filter(o -> served(r, o)).map(o -> events ? masking.mask(o) : o).toList();
    return new ResourcePage(page.kind(), kept, page.continueToken(), page.remainingItemCount());
  }

  /**
   * A page across namespaces without the server's namespace filter, for the one caller that must
   * know everything on a node before acting on it (drain refuses when some of it is out of bounds).
   * Its items must not be shown.
   */
  ResourcePage listUnfiltered(ListQuery query) {
    resolve(query.kind());
    return resources.list(query);
  }

  /** Whether an object lies in a namespace the server serves (cluster-scoped objects do). */
  boolean served(Map<String, Object> object) {
    String ns = string(object, "metadata", "namespace");
    return ns == null || mode.servesNamespace(ns);
  }

  private boolean served(ApiResource r, Map<String, Object> object) {
    if (r.namespaced()) {
      String ns = string(object, "metadata", "namespace");
      return ns == null || mode.servesNamespace(ns);
    }
    if (isNamespaceKind(r)) {
      return mode.servesNamespace(string(object, "metadata", "name"));
    }
    return true;
  }

  private static boolean isNamespaceKind(ApiResource r) {
    return r.kind().equals("Namespace") || (r.kind().equals("Project") && r.group().equals("project.openshift.io"));
  }

  /** The reference as it will be read: the namespace defaulted and checked, or dropped for cluster-scoped kinds. */
  ResourceRef guard(ResourceRef ref) {
    ApiResource r = resolve(ref.kind());
    if (r.namespaced()) {
      String ns = ref.namespace().orElse(DEFAULT_NAMESPACE);
      checkNamespace(ns);
      return new ResourceRef(ref.kind(), ref.name(), Optional.of(ns));
    }
    if (isNamespaceKind(r)) {
      checkNamespace(ref.name());
    }
    return new ResourceRef(ref.kind(), ref.name(), Optional.empty());
  }

  Map<String, Object> get(ResourceRef ref) {
    return resources.get(guard(ref));
  }

  /** The object, or empty when it does not exist. */
  Optional<Map<String, Object>> find(ResourceRef ref) {
    ResourceRef guarded = guard(ref);
    try {
      return Optional.of(resources.get(guarded));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  Map<String, Object> create(ApiResource type, Map<String, Object> manifest, Optional<String> namespace) {
    if (type.namespaced()) {
      checkNamespace(namespace.orElse(DEFAULT_NAMESPACE));
    } else if (isNamespaceKind(type)) {
      checkNamespace(string(manifest, "metadata", "name"));
    }
    return resources.create(manifest, type.namespaced() ? Optional.of(namespace.orElse(DEFAULT_NAMESPACE)) : Optional.empty());
  }

  Map<String, Object> patch(ResourceRef ref, PatchType type, Object patch) {
    return resources.patch(guard(ref), type, patch);
  }

  void delete(ResourceRef ref, DeleteOptions options) {
    resources.delete(guard(ref), options);
  }

  String podLog(PodLogQuery query) {
    resolve("pods");
    checkNamespace(query.namespace());
    return pods.podLog(query);
  }

  ExecResult exec(ExecRequest request) {
    resolve("pods");
    checkNamespace(request.namespace());
    return pods.exec(request);
  }

  Eviction evict(String namespace, String pod, Optional<Long> gracePeriodSeconds) {
    resolve("pods");
    checkNamespace(namespace);
    return pods.evict(namespace, pod, gracePeriodSeconds);
  }

  List<Map<String, Object>> podMetrics(Optional<String> namespace, Optional<String> name) {
    resolve("pods");
    namespace.ifPresent(this::checkNamespace);
    List<Map<String, Object>> items = metrics.podMetrics(namespace, name);
    if (!mode.restrictsNamespaces()) {
      return items;
    }
    return items.stream().filter(o -> {
      String ns = string(o, "metadata", "namespace");
      return ns == null || mode.servesNamespace(ns);
    }).toList();
  }

  List<Map<String, Object>> nodeMetrics(Optional<String> name) {
    resolve("nodes");
    return metrics.nodeMetrics(name);
  }

  PermissionVerdict checkPermission(PermissionCheck check) {
    return permissions.check(check);
  }

  /** Resource types the cluster serves, without the denied ones. */
  List<ApiResource> apiResources() {
    return discovery.resources().stream().filter(r -> mode.servesKind(r.group(), r.kind())).toList();
  }

  List<String> apiVersions() {
    return discovery.apiVersions();
  }

  boolean servesGroup(String group) {
    return discovery.servesGroup(group);
  }
}
