package io.cloudnativemcp.adapter.out.k8s;

import io.cloudnativemcp.domain.cluster.ApiResource;
import java.util.List;

/**
 * The built-in Kubernetes kinds: what kind resolution falls back to when the API server does not
 * answer discovery (an old proxy, a test server).
 */
final class KnownKinds {
  private static final List<ApiResource> TYPES =
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
          type("apps", "v1", "Deployment", "deployments", true, List.of("deploy")),
          type("apps", "v1", "StatefulSet", "statefulsets", true, List.of("sts")),
          type("apps", "v1", "DaemonSet", "daemonsets", true, List.of("ds")),
          type("apps", "v1", "ReplicaSet", "replicasets", true, List.of("rs")),
          type("batch", "v1", "Job", "jobs", true, List.of()),
          type("batch", "v1", "CronJob", "cronjobs", true, List.of("cj")),
          type("networking.k8s.io", "v1", "Ingress", "ingresses", true, List.of("ing")),
          type("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, List.of("netpol")),
          type("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, List.of("hpa")),
          type("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, List.of("pdb")),
          type("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, List.of("sc")),
          type("rbac.authorization.k8s.io", "v1", "Role", "roles", true, List.of()),
          type("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, List.of()),
          type("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, List.of()),
          type("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false, List.of()),
          type(
              "apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false, List.of("crd", "crds")));

  private KnownKinds() {}

  static List<ApiResource> all() {
    return TYPES;
  }

  private static ApiResource core(String kind, String plural, boolean namespaced, String... shortNames) {
    return new ApiResource("", "v1", kind, plural, null, namespaced, List.of(shortNames), List.of());
  }

  private static ApiResource type(
      String group, String version, String kind, String plural, boolean namespaced, List<String> shortNames) {
    return new ApiResource(group, version, kind, plural, null, namespaced, shortNames, List.of());
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
