package io.cloudnativemcp.adapter.out.k8s;

import java.util.List;

/** An API resource the cluster serves: where to find it and what it is called. */
record ResourceType(
    String group, String version, String kind, String plural, boolean namespaced, List<String> shortNames) {

  ResourceType {
    shortNames = List.copyOf(shortNames);
  }

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  String singular() {
    return kind.toLowerCase(java.util.Locale.ROOT);
  }
}
