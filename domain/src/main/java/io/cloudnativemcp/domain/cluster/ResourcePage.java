package io.cloudnativemcp.domain.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of a list. Items are plain JSON-like maps as the API server returned them.
 *
 * @param kind the resolved kind name (for example {@code Pod})
 * @param items the objects
 * @param continueToken token for the next page, or {@code null} when this is the last
 * @param remainingItemCount how many items remain after this page, when the server says so
 */
public record ResourcePage(
    String kind, List<Map<String, Object>> items, String continueToken, Long remainingItemCount) {
  public ResourcePage {
    Objects.requireNonNull(kind, "'kind' must not be null");
    items = List.copyOf(items);
    continueToken = continueToken == null || continueToken.isBlank() ? null : continueToken;
  }

  public boolean hasMore() {
    return continueToken != null;
  }
}
