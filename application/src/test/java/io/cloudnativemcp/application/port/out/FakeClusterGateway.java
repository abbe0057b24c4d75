package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.PodLogQuery;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A programmable cluster. Objects are filed under their resolved kind ({@code Pod}); queries may
 * name it in any case, singular or plural ({@code pods}, {@code Pod}). Every query is remembered.
 */
public final class FakeClusterGateway implements ClusterGateway {
  private final Map<String, List<Map<String, Object>>> objectsByKind = new LinkedHashMap<>();
  private final Map<String, String> logs = new LinkedHashMap<>();
  private final List<Object> queries = new ArrayList<>();
  private String continueToken;
  private Long remainingItemCount;
  private RuntimeException failure;

  /** Adds objects of a resolved kind such as {@code Pod}; name and namespace come from their metadata. */
  @SafeVarargs
  public final FakeClusterGateway with(String kind, Map<String, Object>... objects) {
    List<Map<String, Object>> list = objectsByKind.computeIfAbsent(kind, k -> new ArrayList<>());
    list.addAll(List.of(objects));
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

  @Override
  public synchronized ResourcePage list(ListQuery query) {
    queries.add(query);
    failIfTold();
    String kind = resolve(query.kind());
    List<Map<String, Object>> items =
        objectsByKind.get(kind).stream()
            .filter(o -> query.namespace().isEmpty() || query.namespace().get().equals(namespaceOf(o)))
            .limit(query.limit())
            .toList();
    return new ResourcePage(kind, items, continueToken, remainingItemCount);
  }

  @Override
  public synchronized Map<String, Object> get(ResourceRef ref) {
    queries.add(ref);
    failIfTold();
    String kind = resolve(ref.kind());
    return objectsByKind.get(kind).stream()
        .filter(o -> ref.name().equals(ObjectFields.string(o, "metadata", "name")))
        .filter(o -> Objects.equals(ref.namespace().orElse(null), namespaceOf(o)))
        .findFirst()
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    kind + " '" + ref.name() + "' not found" + ref.namespace().map(ns -> " in namespace " + ns).orElse("")));
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

  /** Unreachable or not configured while told to fail with the matching exception; never throws. */
  @Override
  public synchronized Reachability reachability() {
    if (failure instanceof ClusterNotConfiguredException) {
      return Reachability.NOT_CONFIGURED;
    }
    return failure instanceof ClusterUnavailableException ? Reachability.UNREACHABLE : Reachability.REACHABLE;
  }

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

  private void failIfTold() {
    if (failure != null) {
      throw failure;
    }
  }

  private String resolve(String requested) {
    String r = requested.toLowerCase(Locale.ROOT);
    for (String kind : objectsByKind.keySet()) {
      String k = kind.toLowerCase(Locale.ROOT);
      if (r.equals(k) || r.equals(k + "s")) {
        return kind;
      }
    }
    throw new UnknownKindException(requested, List.of());
  }

  private static String namespaceOf(Map<String, Object> object) {
    return ObjectFields.string(object, "metadata", "namespace");
  }
}
