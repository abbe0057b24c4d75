package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.IssueAnalysis;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.cloudnativemcp.domain.tool.InvalidToolArgumentException;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kubernetes_analyze_issue}: a rule-based diagnosis of four common problems. */
final class AnalyzeIssueTool implements Tool {
  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_analyze_issue",
          "Analyze issue",
          "A rule-based (not AI) diagnosis of a common problem: pod_crash (a crash-looping or"
              + " failing pod), pod_pending (a pod that does not start), deployment_unavailable (a"
              + " workload with too few available replicas) or job_failed. It reads the object, its"
              + " pods and recent events, lists what it found and what to do next; when no rule"
              + " matches it says so.",
          Schemas.result(
              List.of("issueType", "subject", "findings", "recommendations"),
              "issueType", Schemas.string("The issue analysed."),
              "subject", Schemas.string("Kind namespace/name."),
              "method", Schemas.string("How the analysis was made."),
              "findings", Schemas.stringArray("What the rules found, most important first."),
              "recommendations", Schemas.stringArray("What to do next.")),
          ToolParameter.requiredEnum("issueType", "pod_crash, pod_pending, deployment_unavailable or job_failed.", IssueAnalysis.ISSUE_TYPES),
          ToolParameter.requiredString("resourceKind", "Kind of the object: Pod, Deployment, StatefulSet, DaemonSet, Job."),
          ToolParameter.requiredString("resourceName", "Object name."),
          Parameters.namespace("Namespace of the object (default: default)."));

  private final Cluster cluster;

  AnalyzeIssueTool(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    ClusterSession session = cluster.session(args, call);
    ApiResource type = session.resolve(args.requiredString("resourceKind"));
    Map<String, Object> object =
        session.get(new ResourceRef(args.requiredString("resourceKind"), args.requiredString("resourceName"), namespace(args)));
    List<Map<String, Object>> pods = Details.podsOf(session, type, object);
    List<Map<String, Object>> events = new ArrayList<>(Events.about(session, type, object, 20));
    if (!type.kind().equals("Pod")) {
      // The pods' events say why a workload is short of replicas.
      ApiResource podType = session.resolve("pods");
      pods.stream().limit(3).forEach(p -> events.addAll(Events.about(session, podType, p, 5)));
    }
    IssueAnalysis analysis;
    try {
      analysis = IssueAnalysis.analyze(args.requiredString("issueType"), type.kind(), object, pods, events);
    } catch (IllegalArgumentException e) {
      throw new InvalidToolArgumentException("resourceKind", e.getMessage());
    }
    StringBuilder text = new StringBuilder("Rule-based analysis of ").append(analysis.issueType()).append(" for ")
        .append(analysis.subject()).append(" (no AI: fixed rules over the object, its pods and events)\n");
    text.append("Findings:\n");
    analysis.findings().forEach(f -> text.append("- ").append(f).append('\n'));
    if (!analysis.recommendations().isEmpty()) {
      text.append("Recommendations:\n");
      analysis.recommendations().forEach(r -> text.append("- ").append(r).append('\n'));
    }
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("issueType", analysis.issueType());
    structured.put("subject", analysis.subject());
    structured.put("method", "rule-based");
    structured.put("findings", analysis.findings());
    structured.put("recommendations", analysis.recommendations());
    return new ToolResult(text.toString(), structured);
  }
}
