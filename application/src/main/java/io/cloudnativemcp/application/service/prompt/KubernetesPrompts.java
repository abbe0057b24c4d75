package io.cloudnativemcp.application.service.prompt;

import static io.cloudnativemcp.domain.prompt.PromptArgument.choice;
import static io.cloudnativemcp.domain.prompt.PromptArgument.optional;
import static io.cloudnativemcp.domain.prompt.PromptArgument.required;

import io.cloudnativemcp.domain.prompt.ArgumentValues;
import io.cloudnativemcp.domain.prompt.PromptDescriptor;
import io.cloudnativemcp.domain.prompt.PromptTemplate;
import java.util.List;

/**
 * The Go original's Kubernetes prompts, with its names and arguments, written for this server's
 * tools. Each one reads first, names exact tool calls, and leaves changes to the end, behind the
 * server's confirmation.
 */
public final class KubernetesPrompts {
  private KubernetesPrompts() {}

  private static final String RULES =
      """
      Rules: read before you change anything; use the exact tool names below; keep observed facts \
      apart from inferences; a change needs one concrete diagnosis and the user's confirmation \
      (the server asks for it on destructive tools).""";

  public static List<PromptTemplate> all() {
    return List.of(incidentTriage(), workloadDiagnosis(), safeRemediation(), serviceConnectivity(), rolloutRecovery(), helmRelease());
  }

  static PromptTemplate incidentTriage() {
    return new PromptTemplate(
        new PromptDescriptor(
            "cloud_native_incident_triage",
            "Cloud-native incident triage",
            "Read-first triage of an incident: snapshot what is unhealthy, narrow to a workload, and name the safest next call.",
            List.of(
                required("symptom", "Short symptom, for example '503 spikes' or 'pods in CrashLoopBackOff'.", ArgumentValues.FREE_TEXT),
                optional("namespace", "Namespace to focus on; omit for the whole cluster.", ArgumentValues.NAMESPACE),
                optional("workload", "Workload or service name, if known.", ArgumentValues.OBJECT_NAME),
                optional("time_range", "Time range such as 'last 30m'.", ArgumentValues.FREE_TEXT),
                optional("notes", "Anything already observed or ruled out.", ArgumentValues.FREE_TEXT))),
        """
        You are triaging an incident in a Kubernetes cluster through this server's tools.
        Symptom: {{symptom}}. Namespace: {{namespace}}. Workload: {{workload}}. Time range: {{time_range}}. Notes: {{notes}}.

        %s

        1. kubernetes_get_unhealthy_resources {namespace: "{{namespace}}"} (omit namespace for the whole cluster).
        2. kubernetes_get_recent_events {namespace: "{{namespace}}"}: warnings first.
        3. kubernetes_get_node_conditions {nodeName: "<node>"} for the nodes of pods that are Pending or evicted.
        4. kubernetes_list_resources_summary {kind: "pods", namespace: "{{namespace}}"} to find the affected pods.
        5. kubernetes_analyze_issue {issueType: "pod_crash" | "pod_pending" | "deployment_unavailable" | "job_failed", resourceKind, resourceName, namespace} on the most suspicious object, then kubernetes_get_pod_logs for its failing container.
        Answer with: facts, the strongest hypothesis, and the next safest tool call.
        """
            .formatted(RULES));
  }

  static PromptTemplate workloadDiagnosis() {
    return new PromptTemplate(
        new PromptDescriptor(
            "kubernetes_workload_diagnosis",
            "Kubernetes workload diagnosis",
            "Step-by-step troubleshooting of one Pod or workload: summary, events, rollout, pods, logs.",
            List.of(
                required("kind", "Workload kind: Pod, Deployment, StatefulSet, DaemonSet, Job or CronJob.", ArgumentValues.KIND),
                required("name", "Workload name.", ArgumentValues.OBJECT_NAME),
                required("namespace", "Workload namespace.", ArgumentValues.NAMESPACE),
                optional("symptom", "Symptom such as CrashLoopBackOff, Pending or a failing readiness probe.", ArgumentValues.FREE_TEXT),
                optional("notes", "Hints such as a container name or a suspected config change.", ArgumentValues.FREE_TEXT))),
        """
        You are troubleshooting {{kind}} {{namespace}}/{{name}}. Symptom: {{symptom}}. Notes: {{notes}}.

        %s

        1. kubernetes_get_resource_summary {kind: "{{kind}}", name: "{{name}}", namespace: "{{namespace}}"}.
        2. kubernetes_get_recent_events {namespace: "{{namespace}}", fieldSelector: "involvedObject.name={{name}}"}.
        3. For a Deployment, StatefulSet or DaemonSet: kubernetes_get_rollout_status {kind: "{{kind}}", name: "{{name}}", namespace: "{{namespace}}"}.
        4. kubernetes_describe_resource {kind: "{{kind}}", name: "{{name}}", namespace: "{{namespace}}"} to see its pods and conditions.
        5. For the first unhealthy pod: kubernetes_get_pod_logs {name: "<pod>", namespace: "{{namespace}}", previous: true} when it restarted.
        6. kubernetes_analyze_issue {issueType: "pod_crash", "pod_pending" or "deployment_unavailable", resourceKind: "{{kind}}", resourceName: "{{name}}", namespace: "{{namespace}}"} to check your reading.
        Finish with the tightest diagnosis that status, events and logs support, and what would confirm it.
        """
            .formatted(RULES));
  }

  static PromptTemplate safeRemediation() {
    return new PromptTemplate(
        new PromptDescriptor(
            "kubernetes_safe_remediation",
            "Safe Kubernetes remediation",
            "A read-first, verify-after workflow for one change: patch, restart, scale, delete, cordon, uncordon or drain.",
            List.of(
                choice(
                    "action",
                    "The change: patch, restart, scale, delete, cordon, uncordon or drain.",
                    true,
                    List.of("patch", "restart", "scale", "delete", "cordon", "uncordon", "drain")),
                required("kind", "Kind of the target object.", ArgumentValues.KIND),
                required("name", "Name of the target object.", ArgumentValues.OBJECT_NAME),
                optional("namespace", "Namespace of a namespaced target.", ArgumentValues.NAMESPACE),
                optional("notes", "Intent and constraints: the patch in outline, the replica count, a maintenance window.", ArgumentValues.FREE_TEXT))),
        """
        You are preparing one change: {{action}} {{kind}} {{namespace}}/{{name}}. Notes: {{notes}}.

        %s

        Before: kubernetes_get_resource {kind: "{{kind}}", name: "{{name}}", namespace: "{{namespace}}"} and \
        kubernetes_get_recent_events {namespace: "{{namespace}}"}; state what you expect the change to fix.
        The change, with the matching tool only:
        - patch: kubernetes_patch_resource with the smallest merge or JSON patch that does it.
        - restart: kubernetes_restart_workload (waitForReady: true follows the rollout).
        - scale: kubernetes_scale_resource with the new replica count.
        - delete: kubernetes_delete_resource; check ownerReferences first, a controller may recreate it.
        - cordon, uncordon, drain: kubernetes_cordon_node, kubernetes_uncordon_node, kubernetes_drain_node (drain respects PodDisruptionBudgets).
        After: kubernetes_get_rollout_status or kubernetes_get_resource_summary to verify, and say whether the symptom is gone.
        If the server refuses (read-only mode, policy, or a declined confirmation), stop and report; do not look for another way.
        """
            .formatted(RULES));
  }

  static PromptTemplate serviceConnectivity() {
    return new PromptTemplate(
        new PromptDescriptor(
            "kubernetes_service_connectivity_diagnosis",
            "Service connectivity diagnosis",
            "Why a Service does not answer: selector, endpoints, pod readiness, ports, and the caller's side.",
            List.of(
                required("namespace", "Namespace of the Service.", ArgumentValues.NAMESPACE),
                required("service", "Service name.", ArgumentValues.SERVICE),
                optional("source_workload", "The calling workload or pod, if known.", ArgumentValues.OBJECT_NAME),
                optional("path", "Failing HTTP path or RPC method.", ArgumentValues.FREE_TEXT),
                optional("notes", "Symptoms such as timeouts, 502s, DNS errors, ingress or gateway hints.", ArgumentValues.FREE_TEXT))),
        """
        You are diagnosing connectivity to Service {{namespace}}/{{service}} from {{source_workload}} (path {{path}}). Notes: {{notes}}.

        %s

        1. kubernetes_get_resource {kind: "services", name: "{{service}}", namespace: "{{namespace}}"}: type, ports, targetPorts, selector.
        2. kubernetes_list_resources {kind: "endpointslices", namespace: "{{namespace}}", labelSelector: "kubernetes.io/service-name={{service}}"}: are there ready endpoints?
        3. kubernetes_list_resources_summary {kind: "pods", namespace: "{{namespace}}", labelSelector: "<the Service's selector>"}: do pods match, are they ready?
        4. If pods match but are not ready: kubernetes_describe_resource on one of them and kubernetes_get_pod_logs.
        5. If targetPort and containerPort differ, that is the finding.
        6. Check the caller: kubernetes_get_pod_logs for {{source_workload}}, and NetworkPolicies with kubernetes_list_resources {kind: "networkpolicies", namespace: "{{namespace}}"}.
        Report where along caller → Service → endpoints → pod the request stops.
        """
            .formatted(RULES));
  }

  static PromptTemplate rolloutRecovery() {
    return new PromptTemplate(
        new PromptDescriptor(
            "kubernetes_rollout_recovery",
            "Rollout recovery",
            "Investigate a stuck or failed rollout and choose the safest way back: fix forward, roll back, or pause.",
            List.of(
                required("kind", "Workload kind, for example Deployment or StatefulSet.", ArgumentValues.KIND),
                required("name", "Workload name.", ArgumentValues.OBJECT_NAME),
                required("namespace", "Workload namespace.", ArgumentValues.NAMESPACE),
                choice("managed_by", "Who owns the rollout: native, helm or argocd.", false, List.of("native", "helm", "argocd")),
                optional("notes", "Symptom such as a timeout, failing readiness or traffic loss after deploy.", ArgumentValues.FREE_TEXT))),
        """
        You are recovering the rollout of {{kind}} {{namespace}}/{{name}} (managed by {{managed_by}}). Notes: {{notes}}.

        %s

        1. kubernetes_get_rollout_status {kind: "{{kind}}", name: "{{name}}", namespace: "{{namespace}}"}: revision, updated vs ready replicas, conditions.
        2. kubernetes_get_recent_events {namespace: "{{namespace}}"} and kubernetes_describe_resource on a new-revision pod.
        3. kubernetes_get_pod_logs for a failing new pod; compare with an old-revision pod if one still runs.
        4. If Helm manages it: helm_get_release_history and helm_get_release_status for its release; roll back through Helm, not by patching.
        5. If Argo CD manages it, a direct patch will be reverted: fix it in Git.
        6. A native fix forward is one kubernetes_patch_resource; a restart is kubernetes_restart_workload with waitForReady: true.
        Recommend one path with its risk, and the check that proves recovery.
        """
            .formatted(RULES));
  }

  static PromptTemplate helmRelease() {
    return new PromptTemplate(
        new PromptDescriptor(
            "helm_release_diagnosis",
            "Helm release diagnosis",
            "Diagnose a Helm release from its records in the cluster: status, history, values, manifest, and what it deployed.",
            List.of(
                optional("release", "Helm release name; omit to look for broken releases.", ArgumentValues.HELM_RELEASE),
                optional("namespace", "Namespace of the release.", ArgumentValues.NAMESPACE),
                optional("notes", "Symptom such as a failed upgrade, pending-install or drift.", ArgumentValues.FREE_TEXT))),
        """
        You are diagnosing Helm release {{release}} in namespace {{namespace}}. Notes: {{notes}}.

        %s

        1. Without a release name: helm_find_broken_releases, then pick one.
        2. helm_get_release_status {name: "{{release}}", namespace: "{{namespace}}"} and helm_get_release_history with the same arguments.
        3. helm_get_release_values to see what changed between revisions (secrets stay masked).
        4. helm_get_release_manifest, then kubernetes_get_resource_summary on the objects it deployed that are not healthy.
        5. kubernetes_get_recent_events {namespace: "{{namespace}}"} for failed hooks and image pulls.
        Conclude with what failed, in which revision, and whether to fix forward or roll back with Helm.
        """
            .formatted(RULES));
  }
}
