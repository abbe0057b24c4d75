package io.cloudnativemcp.adapter.out.k8s;

import io.cloudnativemcp.application.port.out.ClusterAccessDeniedException;
import io.cloudnativemcp.application.port.out.ClusterException;
import io.cloudnativemcp.application.port.out.ClusterGateway;
import io.cloudnativemcp.application.port.out.ClusterNotConfiguredException;
import io.cloudnativemcp.application.port.out.ClusterRequestException;
import io.cloudnativemcp.application.port.out.ClusterUnavailableException;
import io.cloudnativemcp.application.port.out.ResourceNotFoundException;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.PodLogQuery;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.kubernetes.client.common.KubernetesType;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Kubernetes adapter: implements the cluster port with the official client. Any kind is read
 * through the dynamic API; client exceptions are translated into the port's exceptions.
 */
@ApplicationScoped
public class KubernetesClusterGateway implements ClusterGateway {
  private KubernetesSettings settings;
  private volatile ApiClient client;

  /** For CDI's client proxy only. */
  protected KubernetesClusterGateway() {}

  @Inject
  public KubernetesClusterGateway(KubernetesSettings settings) {
    this.settings = settings;
  }

  @Override
  public ResourcePage list(ListQuery query) {
    ResourceType type = KnownKinds.resolve(query.kind());
    ListOptions options = new ListOptions();
    options.setLimit(query.limit());
    options.setLabelSelector(query.labelSelector());
    options.setFieldSelector(query.fieldSelector());
    options.setContinue(query.continueToken());
    DynamicKubernetesApi api = api(type);
    KubernetesApiResponse<DynamicKubernetesListObject> response =
        call(
            () ->
                type.namespaced() && query.namespace().isPresent()
                    ? api.list(query.namespace().get(), options)
                    : api.list(options),
            type,
            null,
            query.namespace());
    DynamicKubernetesListObject list = response.getObject();
    List<Map<String, Object>> items = new ArrayList<>();
    if (list != null && list.getItems() != null) {
      for (DynamicKubernetesObject o : list.getItems()) {
        items.add(JsonElements.toMap(o.getRaw()));
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
    ResourceType type = KnownKinds.resolve(ref.kind());
    DynamicKubernetesApi api = api(type);
    String namespace = ref.namespace().orElse("default");
    KubernetesApiResponse<DynamicKubernetesObject> response =
        call(
            () -> type.namespaced() ? api.get(namespace, ref.name()) : api.get(ref.name()),
            type,
            ref.name(),
            type.namespaced() ? Optional.of(namespace) : Optional.empty());
    return JsonElements.toMap(response.getObject().getRaw());
  }

  @Override
  public String podLog(PodLogQuery query) {
    CoreV1Api core = new CoreV1Api(client());
    try {
      var request =
          core.readNamespacedPodLog(query.pod(), query.namespace())
              .tailLines(query.tailLines())
              .previous(query.previous());
      query.container().ifPresent(request::container);
      query.sinceSeconds().ifPresent(request::sinceSeconds);
      String log = request.execute();
      return log == null ? "" : log;
    } catch (ApiException e) {
      throw translate(e.getCode(), statusMessage(e), KnownKinds.resolve("pods"), query.pod(), Optional.of(query.namespace()), e);
    } catch (RuntimeException e) {
      throw translateUnexpected(e);
    }
  }

  @Override
  public Reachability reachability() {
    ApiClient c;
    try {
      c = client();
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

  private DynamicKubernetesApi api(ResourceType type) {
    return new DynamicKubernetesApi(type.group(), type.version(), type.plural(), client());
  }

  ApiClient client() {
    ApiClient c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          client = KubernetesConnection.connect(settings);
        }
        c = client;
      }
    }
    return c;
  }

  private <T extends KubernetesType> KubernetesApiResponse<T> call(
      Supplier<KubernetesApiResponse<T>> request, ResourceType type, String name, Optional<String> namespace) {
    KubernetesApiResponse<T> response;
    try {
      response = request.get();
    } catch (ClusterException e) {
      throw e;
    } catch (RuntimeException e) {
      // The client wraps an error answer whose body is not a Status (proxies, some servers).
      ApiException api = findCause(e, ApiException.class);
      if (api != null && api.getCode() > 0) {
        throw translate(api.getCode(), statusMessage(api), type, name, namespace, api);
      }
      throw translateUnexpected(e);
    }
    if (response.isSuccess()) {
      return response;
    }
    V1Status status = response.getStatus();
    String message = status == null ? null : status.getMessage();
    throw translate(response.getHttpStatusCode(), message, type, name, namespace, null);
  }

  private ClusterException translate(
      int code, String apiMessage, ResourceType type, String name, Optional<String> namespace, Exception cause) {
    if (code == 0 && cause != null) {
      return translateUnexpected(cause);
    }
    String where = namespace.map(ns -> " in namespace '" + ns + "'").orElse("");
    String detail = apiMessage == null || apiMessage.isBlank() ? "" : " (" + oneLine(apiMessage) + ")";
    return switch (code) {
      case 404 -> new ResourceNotFoundException(
          name == null
              ? "The API server does not serve " + type.plural() + where + detail
              : type.kind() + " '" + name + "' not found" + where + ".");
      case 401 -> new ClusterAccessDeniedException(
          "The Kubernetes API server rejected the server's credentials (401)." + detail);
      case 403 -> new ClusterAccessDeniedException(
          "Forbidden by the cluster's RBAC: cannot access " + type.plural() + where + detail);
      case 400, 409, 410, 422 -> new ClusterRequestException("The Kubernetes API server refused the request (" + code + ")" + detail);
      default -> new ClusterUnavailableException("The Kubernetes API server answered " + code + detail);
    };
  }

  private ClusterException translateUnexpected(Throwable e) {
    if (e instanceof ClusterException ce) {
      return ce;
    }
    Throwable t = e;
    while (t != null) {
      if (t instanceof ClusterNotConfiguredException nc) {
        return nc;
      }
      if (t instanceof IOException io) {
        return new ClusterUnavailableException(
            "Cannot reach the Kubernetes API server at " + basePathOrUnknown() + ": " + io.getClass().getSimpleName()
                + (io.getMessage() == null ? "" : " " + oneLine(io.getMessage())));
      }
      t = t.getCause();
    }
    return new ClusterUnavailableException("The Kubernetes API request failed: " + e.getClass().getSimpleName());
  }

  private static <E extends Throwable> E findCause(Throwable e, Class<E> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private String basePathOrUnknown() {
    ApiClient c = client;
    return c == null ? "(unknown)" : c.getBasePath();
  }

  private static String statusMessage(ApiException e) {
    String body = e.getResponseBody();
    if (body == null || body.isBlank()) {
      return null;
    }
    int i = body.indexOf("\"message\":\"");
    if (i < 0) {
      return body.length() > 200 ? body.substring(0, 200) : body;
    }
    int start = i + 11;
    int end = body.indexOf('"', start);
    return end > start ? body.substring(start, end) : body;
  }

  private static String oneLine(String s) {
    String one = s.replace('\n', ' ').trim();
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }
}
