package io.cloudnativemcp.adapter.out.k8s;

import io.cloudnativemcp.application.port.out.ClusterAccessDeniedException;
import io.cloudnativemcp.application.port.out.ClusterDiscovery;
import io.cloudnativemcp.application.port.out.ClusterException;
import io.cloudnativemcp.application.port.out.ClusterGateway;
import io.cloudnativemcp.application.port.out.ClusterMetrics;
import io.cloudnativemcp.application.port.out.ClusterNotConfiguredException;
import io.cloudnativemcp.application.port.out.ClusterRequestException;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.application.port.out.MetricsUnavailableException;
import io.cloudnativemcp.application.port.out.PermissionsGateway;
import io.cloudnativemcp.application.port.out.PodOperations;
import io.cloudnativemcp.application.port.out.ResourceNotFoundException;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ClusterTarget;
import io.cloudnativemcp.domain.cluster.DeleteOptions;
import io.cloudnativemcp.domain.cluster.Eviction;
import io.cloudnativemcp.domain.cluster.ExecRequest;
import io.cloudnativemcp.domain.cluster.ExecResult;
import io.cloudnativemcp.domain.cluster.JsonText;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.PatchType;
import io.cloudnativemcp.domain.cluster.PermissionCheck;
import io.cloudnativemcp.domain.cluster.PermissionVerdict;
import io.cloudnativemcp.domain.cluster.PodLogQuery;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.kubernetes.client.common.KubernetesType;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.ListOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Kubernetes adapter: implements the cluster ports with the official client. Any kind is reached
 * through discovery and the dynamic API; client exceptions are translated into the ports'
 * exceptions. The CDI bean addresses the default context with the server's own identity; {@link
 * #on} gives the same adapter bound to a call's context and caller.
 */
@ApplicationScoped
public class KubernetesClusterGateway
    implements ClusterGateway, PodOperations, ClusterDiscovery, ClusterMetrics, PermissionsGateway {
  static final String FIELD_MANAGER = "cloud-native-mcp-server";
  static final String METRICS = "/apis/metrics.k8s.io/v1beta1";

  private KubernetesConnections connections;
  private ClusterTarget target;

  /** For CDI's client proxy only. */
  protected KubernetesClusterGateway() {}

  @Inject
  public KubernetesClusterGateway(KubernetesSettings settings, MetricsRecorder metrics) {
    this(new KubernetesConnections(settings, metrics), ClusterTarget.server());
  }

  /** Without metrics (tests). */
  public KubernetesClusterGateway(KubernetesSettings settings) {
    this(settings, MetricsRecorder.none());
  }

  private KubernetesClusterGateway(KubernetesConnections connections, ClusterTarget target) {
    this.connections = connections;
    this.target = target;
  }

  @Override
  public KubernetesClusterGateway on(ClusterTarget target) {
    connections.context(target.context()); // refuse an unknown context before anything else
    return new KubernetesClusterGateway(connections, target);
  }

  // ---- resources ----

  @Override
  public ResourcePage list(ListQuery query) {
    ApiResource type = resolve(query.kind());
    ListOptions options = new ListOptions();
    options.setLimit(query.limit());
    options.setLabelSelector(query.labelSelector());
    options.setFieldSelector(query.fieldSelector());
    options.setContinue(query.continueToken());
    DynamicKubernetesApi api = api(type);
    Optional<String> namespace = type.namespaced() ? query.namespace() : Optional.empty();
    KubernetesApiResponse<DynamicKubernetesListObject> response =
        call(
            () -> namespace.isPresent() ? api.list(namespace.get(), options) : api.list(options),
            new ClusterErrors.Subject(type, null, namespace));
    DynamicKubernetesListObject list = response.getObject();
    List<Map<String, Object>> items = new ArrayList<>();
    if (list != null && list.getItems() != null) {
      for (DynamicKubernetesObject o : list.getItems()) {
        Map<String, Object> item = JsonElements.toMap(o.getRaw());
        // Items of a list carry no apiVersion/kind; add them so every object reads the same.
        item.putIfAbsent("apiVersion", type.apiVersion());
        item.putIfAbsent("kind", type.kind());
        items.add(item);
      }
    }
    String next = null;
    Long remaining = null;
    if (list != null && list.getMetadata() != null) {
      next = list.getMetadata().getContinue();
      remaining = list.getMetadata().getRemainingItemCount();
    }
    return new ResourcePage(type.kind(), items, next, remaining);
  }

  @Override
  public Map<String, Object> get(ResourceRef ref) {
    ApiResource type = resolve(ref.kind());
    DynamicKubernetesApi api = api(type);
    String namespace = ref.namespace().orElse("default");
    KubernetesApiResponse<DynamicKubernetesObject> response =
        call(
            () -> type.namespaced() ? api.get(namespace, ref.name()) : api.get(ref.name()),
            new ClusterErrors.Subject(type, ref.name(), type.namespaced() ? Optional.of(namespace) : Optional.empty()));
    return JsonElements.toMap(response.getObject().getRaw());
  }

  @Override
  public Map<String, Object> create(Map<String, Object> manifest, Optional<String> namespace) {
    String kind = String.valueOf(manifest.get("kind"));
    String apiVersion = String.valueOf(manifest.get("apiVersion"));
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    ApiResource type = resolve(group.isEmpty() ? kind : kind + "." + group);
    Optional<String> ns = type.namespaced() ? Optional.of(namespace.orElse("default")) : Optional.empty();
    ApiClient c = client();
    String name = ObjectFields.string(manifest, "metadata", "name");
    return rest(
        () -> Rest.call(c, "POST", collection(c, type, ns), List.of(), "application/json", JsonText.write(manifest)),
        new ClusterErrors.Subject(type, name, ns));
  }

  @Override
  public Map<String, Object> patch(ResourceRef ref, PatchType patchType, Object patch) {
    ApiResource type = resolve(ref.kind());
    Optional<String> ns = type.namespaced() ? Optional.of(ref.namespace().orElse("default")) : Optional.empty();
    ApiClient c = client();
    List<Pair> query = new ArrayList<>();
    String contentType =
        switch (patchType) {
          case MERGE -> "application/merge-patch+json";
          case JSON -> "application/json-patch+json";
          case STRATEGIC -> "application/strategic-merge-patch+json";
          case APPLY -> {
            query.add(new Pair("fieldManager", FIELD_MANAGER));
            yield "application/apply-patch+yaml";
          }
        };
    Object body = patch;
    if (patchType == PatchType.APPLY && patch instanceof Map<?, ?> m) {
      // Server-side apply needs the object's identity in the body.
      Map<String, Object> full = new LinkedHashMap<>();
      full.put("apiVersion", type.apiVersion());
      full.put("kind", type.kind());
      m.forEach((k, v) -> full.put(String.valueOf(k), v));
      Map<String, Object> metadata = new LinkedHashMap<>(ObjectFields.map(full, "metadata"));
      metadata.put("name", ref.name());
      ns.ifPresent(n -> metadata.put("namespace", n));
      full.put("metadata", metadata);
      body = full;
    }
    String json = JsonText.write(body);
    return rest(
        () -> Rest.call(c, "PATCH", item(c, type, ns, ref.name()), query, contentType, json),
        new ClusterErrors.Subject(type, ref.name(), ns));
  }

  @Override
  public void delete(ResourceRef ref, DeleteOptions options) {
    ApiResource type = resolve(ref.kind());
    Optional<String> ns = type.namespaced() ? Optional.of(ref.namespace().orElse("default")) : Optional.empty();
    ApiClient c = client();
    List<Pair> query = new ArrayList<>();
    options.gracePeriodSeconds().ifPresent(g -> query.add(new Pair("gracePeriodSeconds", String.valueOf(g))));
    options.propagation().ifPresent(p -> query.add(new Pair("propagationPolicy", p)));
    rest(() -> Rest.call(c, "DELETE", item(c, type, ns, ref.name()), query, null, null), new ClusterErrors.Subject(type, ref.name(), ns));
  }

  @Override
  public Reachability reachability() {
    ApiClient c;
    try {
      c = connections.base("");
    } catch (ClusterNotConfiguredException e) {
      return Reachability.NOT_CONFIGURED;
    } catch (RuntimeException e) {
      return Reachability.UNREACHABLE;
    }
    // Any HTTP answer (even 401, 403 or 404) means the API server is there; only I/O failures do not.
    okhttp3.Request request = new okhttp3.Request.Builder().url(c.getBasePath() + "/version").get().build();
    try (okhttp3.Response response = c.getHttpClient().newCall(request).execute()) {
      return Reachability.REACHABLE;
    } catch (IOException e) {
      return Reachability.UNREACHABLE;
    }
  }

  // ---- pods ----

  @Override
  public String podLog(PodLogQuery query) {
    ApiResource pods = resolve("pods");
    ClusterErrors.Subject subject = new ClusterErrors.Subject(pods, query.pod(), Optional.of(query.namespace()));
    ApiClient c = client();
    CoreV1Api core = new CoreV1Api(c);
    try {
      var request =
          core.readNamespacedPodLog(query.pod(), query.namespace()).tailLines(query.tailLines()).previous(query.previous());
      query.container().ifPresent(request::container);
      query.sinceSeconds().ifPresent(request::sinceSeconds);
      String log = request.execute();
      return log == null ? "" : log;
    } catch (ApiException e) {
      if (e.getCode() == 400) {
        // The API server explains: container name needed, previous terminated container not found, …
        throw new ClusterRequestException("Cannot read the log of pod '" + query.pod() + "': " + ClusterErrors.oneLine(String.valueOf(ClusterErrors.statusMessage(e))));
      }
      throw ClusterErrors.translate(e, subject, c.getBasePath());
    } catch (RuntimeException e) {
      throw ClusterErrors.unexpected(e, c.getBasePath());
    }
  }

  @Override
  public ExecResult exec(ExecRequest request) {
    ApiResource pods = resolve("pods");
    ApiClient c = client();
    try {
      return PodCommands.run(c, request);
    } catch (ApiException e) {
      if (e.getCode() == 400) {
        throw new ClusterRequestException(
            "Cannot run the command in pod '" + request.pod() + "': " + ClusterErrors.oneLine(String.valueOf(ClusterErrors.statusMessage(e))));
      }
      throw ClusterErrors.translate(e, new ClusterErrors.Subject(pods, request.pod(), Optional.of(request.namespace())), c.getBasePath());
    } catch (IOException e) {
      throw ClusterErrors.unexpected(e, c.getBasePath());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterRequestException("The command was interrupted.");
    } catch (RuntimeException e) {
      ApiException api = ClusterErrors.findCause(e, ApiException.class);
      if (api != null && api.getCode() > 0) {
        throw ClusterErrors.translate(api, new ClusterErrors.Subject(pods, request.pod(), Optional.of(request.namespace())), c.getBasePath());
      }
      throw ClusterErrors.unexpected(e, c.getBasePath());
    }
  }

  @Override
  public Eviction evict(String namespace, String pod, Optional<Long> gracePeriodSeconds) {
    ApiResource pods = resolve("pods");
    ApiClient c = client();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("apiVersion", "policy/v1");
    body.put("kind", "Eviction");
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", pod);
    metadata.put("namespace", namespace);
    body.put("metadata", metadata);
    gracePeriodSeconds.ifPresent(g -> body.put("deleteOptions", Map.of("gracePeriodSeconds", g)));
    String path = Rest.path(c, "/api/v1", "namespaces", namespace, "pods", pod, "eviction");
    try {
      Rest.call(c, "POST", path, List.of(), "application/json", JsonText.write(body));
      return new Eviction(Eviction.Outcome.EVICTED, "evicted");
    } catch (ApiException e) {
      String message = ClusterErrors.statusMessage(e);
      if (e.getCode() == 429 || (e.getCode() == 500 && message != null && message.toLowerCase(Locale.ROOT).contains("disruption budget"))) {
        return new Eviction(Eviction.Outcome.BLOCKED_BY_DISRUPTION_BUDGET, message);
      }
      if (e.getCode() == 404) {
        return new Eviction(Eviction.Outcome.ALREADY_GONE, "pod not found");
      }
      throw ClusterErrors.translate(e, new ClusterErrors.Subject(pods, pod, Optional.of(namespace)), c.getBasePath());
    } catch (RuntimeException e) {
      throw ClusterErrors.unexpected(e, c.getBasePath());
    }
  }

  // ---- discovery ----

  @Override
  public ApiResource resolve(String kind) {
    return connections.discovery(target).resolve(kind);
  }

  @Override
  public List<ApiResource> resources() {
    return connections.discovery(target).resources();
  }

  @Override
  public List<String> apiVersions() {
    return connections.discovery(target).versions();
  }

  // ---- metrics ----

  @Override
  public List<Map<String, Object>> podMetrics(Optional<String> namespace, Optional<String> name) {
    ApiClient c = client();
    String path = namespace.isPresent()
        ? Rest.path(c, METRICS, "namespaces", namespace.get(), "pods")
        : METRICS + "/pods";
    if (name.isPresent()) {
      return List.of(metric(c, Rest.path(c, path, name.get()), "pod", name.get()));
    }
    return metricList(c, path);
  }

  @Override
  public List<Map<String, Object>> nodeMetrics(Optional<String> name) {
    ApiClient c = client();
    if (name.isPresent()) {
      return List.of(metric(c, Rest.path(c, METRICS + "/nodes", name.get()), "node", name.get()));
    }
    return metricList(c, METRICS + "/nodes");
  }

  private List<Map<String, Object>> metricList(ApiClient c, String path) {
    try {
      return ObjectFields.list(Rest.get(c, path), "items");
    } catch (ApiException e) {
      if (e.getCode() == 404 || e.getCode() == 503) {
        throw metricsUnavailable(e.getCode());
      }
      throw ClusterErrors.translate(e, new ClusterErrors.Subject(null, null, Optional.empty()), c.getBasePath());
    } catch (RuntimeException e) {
      throw ClusterErrors.unexpected(e, c.getBasePath());
    }
  }

  private Map<String, Object> metric(ApiClient c, String path, String what, String name) {
    try {
      return Rest.get(c, path);
    } catch (ApiException e) {
      if (e.getCode() == 503 || (e.getCode() == 404 && !servesGroup("metrics.k8s.io"))) {
        throw metricsUnavailable(e.getCode());
      }
      if (e.getCode() == 404) {
        throw new ResourceNotFoundException(
            "No metrics for " + what + " '" + name + "': it does not exist, is not running, or is too new to have been measured.");
      }
      throw ClusterErrors.translate(e, new ClusterErrors.Subject(null, name, Optional.empty()), c.getBasePath());
    } catch (RuntimeException e) {
      throw ClusterErrors.unexpected(e, c.getBasePath());
    }
  }

  private static MetricsUnavailableException metricsUnavailable(int code) {
    return new MetricsUnavailableException(
        "The cluster serves no resource metrics (metrics.k8s.io answered " + code + "): metrics-server is not installed"
            + " or not ready. Install it (https://github.com/kubernetes-sigs/metrics-server) to see CPU and memory use.");
  }

  // ---- permissions ----

  @Override
  public PermissionVerdict check(PermissionCheck check) {
    ApiClient c = client();
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("verb", check.verb());
    attributes.put("group", check.group());
    attributes.put("resource", check.resource());
    check.subresource().ifPresent(s -> attributes.put("subresource", s));
    check.name().ifPresent(n -> attributes.put("name", n));
    check.namespace().ifPresent(n -> attributes.put("namespace", n));
    Map<String, Object> review = new LinkedHashMap<>();
    review.put("apiVersion", "authorization.k8s.io/v1");
    review.put("kind", "SelfSubjectAccessReview");
    review.put("spec", Map.of("resourceAttributes", attributes));
    Map<String, Object> answer =
        rest(
            () -> Rest.call(c, "POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", List.of(), "application/json", JsonText.write(review)),
            new ClusterErrors.Subject(null, null, Optional.empty()));
    return new PermissionVerdict(
        Boolean.TRUE.equals(ObjectFields.at(answer, "status", "allowed")),
        Boolean.TRUE.equals(ObjectFields.at(answer, "status", "denied")),
        ObjectFields.string(answer, "status", "reason"),
        ObjectFields.string(answer, "status", "evaluationError"));
  }

  // ---- plumbing ----

  private DynamicKubernetesApi api(ApiResource type) {
    return new DynamicKubernetesApi(type.group(), type.version(), type.plural(), client());
  }

  /** The server's own client of the default context (the Kubernetes secret store uses it). */
  ApiClient client() {
    if (connections.settings().impersonate() && target.user().isEmpty()) {
      // Fail closed: a call that should carry a caller's identity must never run as the server.
      throw new ClusterAccessDeniedException(
          "The server impersonates callers (kubernetes.impersonate) but this call carries no caller identity.");
    }
    return connections.client(target);
  }

  /** For the secret store: the server's own identity, default context, even with impersonation. */
  ApiClient serverClient() {
    return connections.base("");
  }

  private static String collection(ApiClient c, ApiResource type, Optional<String> namespace) {
    String prefix = type.group().isEmpty() ? "/api/" + type.version() : "/apis/" + type.group() + "/" + type.version();
    return namespace.isPresent() && type.namespaced()
        ? Rest.path(c, prefix, "namespaces", namespace.get(), type.plural())
        : Rest.path(c, prefix, type.plural());
  }

  private static String item(ApiClient c, ApiResource type, Optional<String> namespace, String name) {
    return Rest.path(c, collection(c, type, namespace), name);
  }

  @FunctionalInterface
  private interface RestCall {
    Map<String, Object> run() throws ApiException;
  }

  private Map<String, Object> rest(RestCall call, ClusterErrors.Subject subject) {
    String base = basePathOrUnknown();
    try {
      return call.run();
    } catch (ApiException e) {
      throw ClusterErrors.translate(e, subject, base);
    } catch (ClusterException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ClusterErrors.unexpected(e, base);
    }
  }

  private <T extends KubernetesType> KubernetesApiResponse<T> call(
      Supplier<KubernetesApiResponse<T>> request, ClusterErrors.Subject subject) {
    KubernetesApiResponse<T> response;
    try {
      response = request.get();
    } catch (ClusterException e) {
      throw e;
    } catch (RuntimeException e) {
      // The client wraps an error answer whose body is not a Status (proxies, some servers).
      ApiException api = ClusterErrors.findCause(e, ApiException.class);
      if (api != null && api.getCode() > 0) {
        throw ClusterErrors.translate(api, subject, basePathOrUnknown());
      }
      throw ClusterErrors.unexpected(e, basePathOrUnknown());
    }
    if (response.isSuccess()) {
      return response;
    }
    V1Status status = response.getStatus();
    String message = status == null ? null : status.getMessage();
    throw ClusterErrors.translate(response.getHttpStatusCode(), message, subject, basePathOrUnknown());
  }

  private String basePathOrUnknown() {
    try {
      return connections.client(target).getBasePath();
    } catch (RuntimeException e) {
      return "(unknown)";
    }
  }
}
