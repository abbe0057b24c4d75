package io.cloudnativemcp.adapter.out.k8s;

import io.cloudnativemcp.application.port.out.ClusterAccessDeniedException;
import io.cloudnativemcp.application.port.out.ClusterException;
import io.cloudnativemcp.application.port.out.ClusterNotConfiguredException;
import io.cloudnativemcp.application.port.out.ClusterRequestException;
import io.cloudnativemcp.application.port.out.ClusterUnavailableException;
import io.cloudnativemcp.application.port.out.ResourceNotFoundException;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.util.Optional;

/** Turns the client's failures into the port's exceptions, with messages an assistant can act on. */
final class ClusterErrors {
  private ClusterErrors() {}

  /** What was asked, for the message. */
  record Subject(ApiResource type, String name, Optional<String> namespace) {
    String where() {
      return namespace.map(ns -> " in namespace '" + ns + "'").orElse("");
    }
  }

  static ClusterException translate(ApiException e, Subject subject, String basePath) {
    if (e.getCode() == 0) {
      return unexpected(e, basePath);
    }
    return translate(e.getCode(), statusMessage(e), subject, basePath);
  }

  static ClusterException translate(int code, String apiMessage, Subject s, String basePath) {
    String detail = apiMessage == null || apiMessage.isBlank() ? "" : " (" + oneLine(apiMessage) + ")";
    String plural = s.type() == null ? "resources" : s.type().plural();
    String kind = s.type() == null ? "Object" : s.type().kind();
    return switch (code) {
      case 404 -> new ResourceNotFoundException(
          s.name() == null
              ? "The API server does not serve " + plural + s.where() + detail
              : kind + " '" + s.name() + "' not found" + s.where() + ".");
      case 401 -> new ClusterAccessDeniedException(
          "The Kubernetes API server rejected the server's credentials (401)." + detail);
      case 403 -> new ClusterAccessDeniedException(
          "Forbidden by the cluster's RBAC: cannot access " + plural + s.where() + detail);
      case 409 -> new ClusterRequestException(
          (s.name() == null ? kind : kind + " '" + s.name() + "'") + ": conflict (409)" + detail
              + ". It may already exist, or have changed meanwhile: read it again and retry.");
      case 415 -> new ClusterRequestException(
          "The API server does not accept this patch type for " + kind + " (415): strategic merge patches work only"
              + " for built-in kinds; use patchType merge or json." + detail);
      case 400, 410, 422 -> new ClusterRequestException("The Kubernetes API server refused the request (" + code + ")" + detail);
      default -> new ClusterUnavailableException("The Kubernetes API server at " + basePath + " answered " + code + detail);
    };
  }

  static ClusterException unexpected(Throwable e, String basePath) {
    if (e instanceof ClusterException ce) {
      return ce;
    }
    Throwable t = e;
    while (t != null) {
      if (t instanceof ClusterException ce) {
        return ce;
      }
      if (t instanceof ClusterNotConfiguredException nc) {
        return nc;
      }
      if (t instanceof IOException io) {
        return new ClusterUnavailableException(
            "Cannot reach the Kubernetes API server at " + basePath + ": " + io.getClass().getSimpleName()
                + (io.getMessage() == null ? "" : " " + oneLine(io.getMessage())));
      }
      t = t.getCause();
    }
    return new ClusterUnavailableException("The Kubernetes API request failed: " + e.getClass().getSimpleName());
  }

  static <E extends Throwable> E findCause(Throwable e, Class<E> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  static String statusMessage(ApiException e) {
    String body = e.getResponseBody();
    if (body == null || body.isBlank()) {
      return null;
    }
    int i = body.indexOf("\"message\":\"");
    if (i < 0) {
      return body.length() > 200 ? body.substring(0, 200) : body;
    }
    int start = i + 11;
    int end = start;
    while (end < body.length() && !(body.charAt(end) == '"' && body.charAt(end - 1) != '\\')) {
      end++;
    }
    return end > start ? body.substring(start, end).replace("\\\"", "\"") : body;
  }

  static String oneLine(String s) {
    String one = s.replace('\n', ' ').trim();
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }
}
