package io.cloudnativemcp.domain.cluster;

import java.util.Arrays;
import java.util.List;

/** The kinds of patch the API server accepts. */
public enum PatchType {
  /** JSON merge patch (RFC 7386): an object whose fields replace the object's fields. */
  MERGE("merge"),
  /** JSON patch (RFC 6902): an array of operations. */
  JSON("json"),
  /** Kubernetes strategic merge patch: a merge that understands list keys (built-in kinds only). */
  STRATEGIC("strategic"),
  /** Server-side apply: a partial object owned by a field manager. */
  APPLY("apply");

  private final String wireName;

  PatchType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(PatchType::wireName).toList();
  }

  public static PatchType fromWireName(String name) {
    for (PatchType t : values()) {
      if (t.wireName.equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown patch type '" + name + "'; use " + String.join(", ", wireNames()));
  }
}
