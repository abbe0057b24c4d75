package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.port.out.ClusterGateway;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.PodLogQuery;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolName;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubernetes_get_pod_logs}: the last lines of a container's log, bounded in lines, line
 * length and bytes, with credentials masked, and saying what was cut.
 */
final class GetPodLogsTool implements Tool {
  static final int DEFAULT_TAIL = 50;
  static final int MAX_TAIL = 200;
  static final int MAX_LINE = 1000;

  private static final ToolDescriptor DESCRIPTOR =
      new ToolDescriptor(
          new ToolName("kubernetes_get_pod_logs"),
          "Pod logs",
          "The last lines of a pod container's log (default 50, max 200). Long lines are cut and"
              + " credentials masked; the result says when output was truncated.",
          ToolRisk.READ_ONLY,
          true,
          List.of(
              ToolParameter.requiredString("name", "Pod name."),
              ToolParameter.requiredString("namespace", "Namespace of the pod."),
              ToolParameter.optionalString("container", "Container name; required when the pod has several."),
              ToolParameter.optionalInteger(
                  "tailLines", "Number of lines from the end (default 50, max 200).", DEFAULT_TAIL, 1, MAX_TAIL)));

  private final ClusterGateway cluster;
  private final MaskingPolicy masking;
  private final OutputLimits limits;

  GetPodLogsTool(ClusterGateway cluster, MaskingPolicy masking, OutputLimits limits) {
    this.cluster = cluster;
    this.masking = masking;
    this.limits = limits;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, Principal caller) {
    String pod = args.requiredString("name");
    String namespace = args.requiredString("namespace");
    Optional<String> container = args.string("container");
    int tail = args.intValue("tailLines", DEFAULT_TAIL);
    String raw = cluster.podLog(new PodLogQuery(namespace, pod, container, tail, false, Optional.empty()));

    List<String> lines = new ArrayList<>(List.of(raw.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    // The API honours tailLines, but a proxy or an old server may not: bound it here as well.
    boolean cutLines = lines.size() > tail;
    if (cutLines) {
      lines = lines.subList(lines.size() - tail, lines.size());
    }
    int longLines = 0;
    StringBuilder body = new StringBuilder();
    int budget = limits.maxBytes() - 512; // room for the header
    int kept = 0;
    boolean cutBytes = false;
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      if (line.length() > MAX_LINE) {
        line = line.substring(0, MAX_LINE) + "…[line cut]";
        longLines++;
      }
      line = masking.maskText(line);
      int size = line.getBytes(StandardCharsets.UTF_8).length + 1;
      if (size > budget) {
        cutBytes = true;
        break;
      }
      budget -= size;
      body.insert(0, line + "\n");
      kept++;
    }
    String source = "pod/" + pod + container.map(c -> " container " + c).orElse("") + " in " + namespace;
    StringBuilder header = new StringBuilder("Last ").append(kept).append(" line(s) of ").append(source);
    boolean truncated = cutLines || cutBytes || longLines > 0;
    if (truncated) {
      header.append(" (truncated:");
      if (cutLines || cutBytes) {
        header.append(" older lines omitted");
      }
      if (longLines > 0) {
        header.append(cutLines || cutBytes ? ";" : "").append(' ').append(longLines).append(" long line(s) cut at ").append(MAX_LINE).append(" characters");
      }
      header.append(')');
    }
    header.append(":\n");
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("pod", pod);
    structured.put("namespace", namespace);
    container.ifPresent(c -> structured.put("container", c));
    structured.put("lines", kept);
    structured.put("truncated", truncated);
    return new ToolResult(header + (kept == 0 ? "(no log lines)\n" : body.toString()), structured);
  }
}
