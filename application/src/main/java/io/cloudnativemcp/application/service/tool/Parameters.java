package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.tool.ToolParameter;

/** Parameters shared by several tools, described once so every tool reads the same. */
final class Parameters {
  private Parameters() {}

  static final String KINDS_HINT =
      "Resource kind: a kind, plural or short name such as pods/po, deployments/deploy, services/svc,"
          + " namespaces/ns, nodes/no, events/ev, configmaps/cm, statefulsets/sts, daemonsets/ds, jobs,"
          + " cronjobs/cj, replicasets/rs, secrets, persistentvolumeclaims/pvc, ingresses/ing.";

  static ToolParameter kind() {
    return ToolParameter.requiredString("kind", KINDS_HINT);
  }

  static ToolParameter namespace(String meaning) {
    return ToolParameter.optionalString("namespace", meaning);
  }

  static ToolParameter labelSelector() {
    return ToolParameter.optionalString(
        "labelSelector", "Kubernetes label selector, for example app=web,tier!=cache.");
  }

  static ToolParameter continueToken() {
    return ToolParameter.optionalString(
        "continueToken", "The continueToken of the previous page, to read the next one.");
  }
}
