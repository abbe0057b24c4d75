package io.cloudnativemcp.adapter.out.k8s;

import io.cloudnativemcp.application.port.out.MetricsRecorder;
import java.io.IOException;
import java.util.Locale;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Times every request to the Kubernetes API ({@code mcp_kubernetes_api_duration_seconds}) and
 * counts the failed ones ({@code mcp_kubernetes_api_errors_total}): no answer, or an answer of
 * 400 or more. The label is the Kubernetes verb derived from the HTTP method, so it stays small.
 */
final class ApiCallMetrics implements Interceptor {
  private final MetricsRecorder metrics;

  ApiCallMetrics(MetricsRecorder metrics) {
    this.metrics = metrics;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String verb = verb(request);
    long started = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      metrics.kubernetesApiCall(verb, System.nanoTime() - started, response.code() >= 400);
      return response;
    } catch (IOException | RuntimeException e) {
      metrics.kubernetesApiCall(verb, System.nanoTime() - started, true);
      throw e;
    }
  }

  /** get, list, watch, create, update, patch or delete. */
  static String verb(Request request) {
    return switch (request.method().toUpperCase(Locale.ROOT)) {
      case "GET" -> "true".equals(request.url().queryParameter("watch")) ? "watch" : "get";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> "delete";
      default -> "other";
    };
  }
}
