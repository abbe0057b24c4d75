package io.cloudnativemcp.domain.prompt;

/** Where the completions of a prompt argument come from. */
public enum ArgumentValues {
  /** Free text: nothing to suggest. */
  FREE_TEXT,
  /** Namespaces of the cluster. */
  NAMESPACE,
  /** Resource kinds the cluster serves. */
  KIND,
  /** Names of objects of the argument {@code kind} (default: pods) in the argument {@code namespace}. */
  OBJECT_NAME,
  /** Services in the argument {@code namespace}. */
  SERVICE,
  /** Helm releases in the argument {@code namespace} (all namespaces when absent). */
  HELM_RELEASE,
  /** The argument's fixed choices. */
  CHOICE
}
