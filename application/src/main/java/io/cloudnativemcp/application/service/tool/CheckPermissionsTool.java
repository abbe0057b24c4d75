package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.cluster.PermissionCheck;
import io.cloudnativemcp.domain.cluster.PermissionVerdict;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kubernetes_check_permissions}: kubectl auth can-i through a SelfSubjectAccessReview. */
final class CheckPermissionsTool implements Tool {
  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_check_permissions",
          "Check permissions",
          "Ask the cluster's authorizer whether an action is allowed, like kubectl auth can-i"
              + " (SelfSubjectAccessReview). When the server impersonates callers the answer is for"
              + " you; otherwise for the server's own identity.",
          Schemas.result(
              List.of("allowed"),
              "allowed", Schemas.bool("Whether the action is allowed."),
              "denied", Schemas.bool("Whether an authorizer explicitly denied it."),
              "reason", Schemas.string("The authorizer's reason."),
              "evaluationError", Schemas.string("An error while evaluating rules."),
              "request", Schemas.anyObject("The question asked.")),
          ToolParameter.requiredString("verb", "Verb: get, list, watch, create, update, patch, delete, deletecollection, or * ."),
          ToolParameter.requiredStringMayBeEmpty(
              "resourceGroup", "API group of the resource: '' (or core, v1) for core resources, apps, batch, networking.k8s.io, …"),
          ToolParameter.requiredString("resourceResource", "Resource in plural form: pods, deployments, secrets, …"),
          ToolParameter.optionalString("subresource", "Subresource, such as log, exec, status, scale."),
          ToolParameter.optionalString("resourceName", "A specific object's name."),
          Parameters.namespace("Namespace to check in; omit for cluster-wide."));

  private final Cluster cluster;

  CheckPermissionsTool(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    String group = args.requiredString("resourceGroup").strip();
    if (group.equals("core") || group.equals("v1") || group.equals("\"\"") || group.equals("''")) {
      group = "";
    }
    PermissionCheck check =
        new PermissionCheck(
            args.requiredString("verb"),
            group,
            args.requiredString("resourceResource"),
            args.string("subresource"),
            args.string("resourceName"),
            namespace(args));
    PermissionVerdict verdict = cluster.session(args, call).checkPermission(check);
    String what =
        check.verb() + " " + check.resource() + check.subresource().map(s -> "/" + s).orElse("")
            + (check.group().isEmpty() ? "" : "." + check.group())
            + check.name().map(n -> " " + n).orElse("")
            + check.namespace().map(ns -> " in namespace " + ns).orElse(" cluster-wide");
    StringBuilder text = new StringBuilder(verdict.allowed() ? "yes" : "no").append(" — ").append(what);
    if (!verdict.reason().isEmpty()) {
      text.append("\nreason: ").append(verdict.reason());
    }
    if (!verdict.evaluationError().isEmpty()) {
      text.append("\nevaluation error: ").append(verdict.evaluationError());
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("verb", check.verb());
    request.put("group", check.group());
    request.put("resource", check.resource());
    check.subresource().ifPresent(s -> request.put("subresource", s));
    check.name().ifPresent(n -> request.put("name", n));
    check.namespace().ifPresent(n -> request.put("namespace", n));
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("allowed", verdict.allowed());
    structured.put("denied", verdict.denied());
    if (!verdict.reason().isEmpty()) {
      structured.put("reason", verdict.reason());
    }
    if (!verdict.evaluationError().isEmpty()) {
      structured.put("evaluationError", verdict.evaluationError());
    }
    structured.put("request", request);
    return new ToolResult(text.append('\n').toString(), structured);
  }
}
