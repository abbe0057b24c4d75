package io.cloudnativemcp.adapter.out.k8s;

import io.cloudnativemcp.application.port.out.UnknownKindException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in Kubernetes kinds, found by kind, plural, singular, short name or {@code
 * plural.group}, case-insensitively.
 */
final class KnownKinds {
  private static final List<ResourceType> TYPES =
      List.of(
          core("Pod", "pods", true, "po"),
          core("Service", "services", true, "svc"),
          core("Namespace", "namespaces", false, "ns"),
          core("Node", "nodes", false, "no"),
          core("Event", "events", true, "ev"),
          core("ConfigMap", "configmaps", true, "cm"),
          core("Secret", "secrets", true),
          core("PersistentVolumeClaim", "persistentvolumeclaims", true, "pvc"),
          core("PersistentVolume", "persistentvolumes", false, "pv"),
          core("ServiceAccount", "serviceaccounts", true, "sa"),
          core("Endpoints", "endpoints", true, "ep"),
          core("ReplicationController", "replicationcontrollers", true, "rc"),
          core("ResourceQuota", "resourcequotas", true, "quota"),
          core("LimitRange", "limitranges", true, "limits"),
          new ResourceType("apps", "v1", "Deployment", "deployments", true, List.of("deploy")),
          new ResourceType("apps", "v1", "StatefulSet", "statefulsets", true, List.of("sts")),
          new ResourceType("apps", "v1", "DaemonSet", "daemonsets", true, List.of("ds")),
          new ResourceType("apps", "v1", "ReplicaSet", "replicasets", true, List.of("rs")),
          new ResourceType("batch", "v1", "Job", "jobs", true, List.of()),
          new ResourceType("batch", "v1", "CronJob", "cronjobs", true, List.of("cj")),
          new ResourceType("networking.k8s.io", "v1", "Ingress", "ingresses", true, List.of("ing")),
          new ResourceType("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, List.of("netpol")),
          new ResourceType("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, List.of("hpa")),
          new ResourceType("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, List.of("pdb")),
          new ResourceType("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, List.of("sc")),
          new ResourceType("rbac.authorization.k8s.io", "v1", "Role", "roles", true, List.of()),
          new ResourceType("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, List.of()),
          new ResourceType("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, List.of()),
          new ResourceType("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false, List.of()),
          new ResourceType(
              "apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false, List.of("crd", "crds")));

  private static final Map<String, ResourceType> BY_NAME = index();

  private KnownKinds() {}

  private static ResourceType core(String kind, String plural, boolean namespaced, String... shortNames) {
    return new ResourceType("", "v1", kind, plural, namespaced, List.of(shortNames));
  }

  private static Map<String, ResourceType> index() {
    Map<String, ResourceType> byName = new LinkedHashMap<>();
    for (ResourceType t : TYPES) {
      for (String name : names(t)) {
        byName.putIfAbsent(name, t);
      }
    }
    return byName;
  }

  private static List<String> names(ResourceType t) {
    List<String> names = new ArrayList<>(List.of(t.singular(), t.plural()));
    names.addAll(t.shortNames());
    if (!t.group().isEmpty()) {
      names.add(t.plural() + "." + t.group());
      names.add(t.singular() + "." + t.group());
    }
    return names;
  }

  static ResourceType resolve(String kind) {
    String key = kind.trim().toLowerCase(Locale.ROOT);
    ResourceType t = BY_NAME.get(key);
    if (t == null) {
      throw new UnknownKindException(kind, suggestions(key));
    }
    return t;
  }

  static List<String> suggestions(String key) {
    return BY_NAME.keySet().stream()
        .filter(n -> !n.contains("."))
        .filter(n -> n.startsWith(key) || key.startsWith(n) || distance(n, key) <= 2)
        .sorted(Comparator.comparingInt((String n) -> distance(n, key)))
        .map(n -> BY_NAME.get(n).plural())
        .distinct()
        .limit(5)
        .toList();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
