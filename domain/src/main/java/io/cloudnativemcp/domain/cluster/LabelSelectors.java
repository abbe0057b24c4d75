package io.cloudnativemcp.domain.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a selector object ({@code matchLabels}, {@code matchExpressions}, or a Service's plain map) into selector text. */
public final class LabelSelectors {
  private LabelSelectors() {}

  /**
   * The selector as a label selector string, or empty when it selects nothing (no selector at all
   * selects nothing for a Service and everything for a workload; callers decide).
   */
  public static Optional<String> render(Map<String, Object> selector) {
    if (selector == null || selector.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    boolean structured = selector.containsKey("matchLabels") || selector.containsKey("matchExpressions");
    Map<String, Object> labels = structured ? ObjectFields.map(selector, "matchLabels") : selector;
    labels.forEach((k, v) -> parts.add(k + "=" + v));
    if (structured) {
      for (Map<String, Object> e : ObjectFields.list(selector, "matchExpressions")) {
        String key = String.valueOf(e.get("key"));
        List<?> values = e.get("values") instanceof List<?> l ? l : List.of();
        String joined = String.join(",", values.stream().map(String::valueOf).toList());
        switch (String.valueOf(e.get("operator"))) {
          case "In" -> parts.add(key + " in (" + joined + ")");
          case "NotIn" -> parts.add(key + " notin (" + joined + ")");
          case "Exists" -> parts.add(key);
          case "DoesNotExist" -> parts.add("!" + key);
          default -> {
            // Unknown operators are left out rather than guessed.
          }
        }
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(",", parts));
  }
}
