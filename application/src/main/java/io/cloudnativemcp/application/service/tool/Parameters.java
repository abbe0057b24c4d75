package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.tool.ToolParameter;

/** Parameters shared by several tools, described once so every tool reads the same. */
final class Parameters {
  private Parameters() {}

  static final String KINDS_HINT =
      "Resource kind: a kind, plural or short name such as pods/po, deployments/deploy, services/svc,"
          + " namespaces/ns, nodes/no, events/ev, configmaps/cm, statefulsets/sts, daemonsets/ds, jobs,"
          + " cronjobs/cj, replicasets/rs, secrets, persistentvolumeclaims/pvc, ingresses/ing; custom"
          + " resources by kind, plural or plural.group (for example certificates.cert-manager.io).";

  static ToolParameter kind() {
    return ToolParameter.requiredString("kind", KINDS_HINT);
  }

  static ToolParameter kind(String meaning) {
    return ToolParameter.requiredString("kind", meaning);
  }

  static ToolParameter name(String meaning) {
    return ToolParameter.requiredString("name", meaning);
  }

  static ToolParameter namespace(String meaning) {
    return ToolParameter.optionalString("namespace", meaning);
  }

  static ToolParameter requiredNamespace(String meaning) {
    return ToolParameter.requiredString("namespace", meaning);
  }

  static ToolParameter labelSelector() {
    return ToolParameter.optionalString(
        "labelSelector", "Kubernetes label selector, for example app=web,tier!=cache or 'env in (prod,staging)'.");
  }

  static ToolParameter fieldSelector() {
    return ToolParameter.optionalString(
        "fieldSelector",
        "Kubernetes field selector, for example status.phase=Running, involvedObject.name=web-1 or type=Warning.");
  }

  static ToolParameter continueToken() {
    return ToolParameter.optionalString(
        "continueToken", "The continueToken of the previous page, to read the next one.");
  }

  static ToolParameter limit(String what, long defaultValue, long maximum) {
    return ToolParameter.optionalInteger(
        "limit", "Maximum " + what + " (default " + defaultValue + ", max " + maximum + ").", defaultValue, 1, maximum);
  }

  static ToolParameter context() {
    return ToolParameter.optionalString(
        "context",
        "Kubeconfig context (cluster) to address, one of those the server is configured for; omit for the default.");
  }

  static ToolParameter timeoutSeconds(long defaultValue, long maximum) {
    return ToolParameter.optionalInteger(
        "timeoutSeconds",
        "Longest time to wait, in seconds (default " + defaultValue + ", max " + maximum + ").",
        defaultValue,
        1,
        maximum);
  }
}
