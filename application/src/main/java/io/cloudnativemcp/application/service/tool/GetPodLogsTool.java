package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.PodLogQuery;
import io.cloudnativemcp.domain.tool.InvalidToolArgumentException;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code kubernetes_get_pod_logs}: the last lines of a container's log, bounded in lines, line
 * length and bytes, with credentials masked, and saying what was cut.
 */
final class GetPodLogsTool implements Tool {
  static final int DEFAULT_TAIL = 50;
  static final int MAX_TAIL = 200;
  static final int MAX_LINE = 1000;
  /** Lines read from the end of the log when filtering with grep. */
  static final int GREP_SCAN = 5000;

  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_get_pod_logs",
          "Pod logs",
          "The last lines of a pod container's log (default 50, max 200), optionally of the previous"
              + " (crashed) run, only since some seconds ago, or only lines matching grep. Long lines"
              + " are cut and credentials masked; the result says when output was truncated.",
          Schemas.result(
              List.of("pod", "namespace", "lines", "truncated"),
              "pod", Schemas.string("Pod name."),
              "namespace", Schemas.string("Namespace."),
              "container", Schemas.string("Container, when named."),
              "previous", Schemas.bool("Whether the previous run's log was read."),
              "grep", Schemas.string("The filter applied, when one was."),
              "lines", Schemas.integer("Lines returned."),
              "truncated", Schemas.bool("Whether lines were left out or cut.")),
          ToolParameter.requiredString("name", "Pod name."),
          Parameters.requiredNamespace("Namespace of the pod."),
          ToolParameter.optionalString("container", "Container name; required when the pod has several."),
          ToolParameter.optionalInteger(
              "tailLines", "Number of lines from the end (default 50, max 200).", DEFAULT_TAIL, 1, MAX_TAIL),
          ToolParameter.optionalBoolean(
              "previous", "Read the log of the previous, terminated run of the container (after a crash).", false),
          ToolParameter.optionalInteger(
              "sinceSeconds", "Only lines written in the last N seconds.", 1, 30L * 24 * 3600),
          ToolParameter.optionalString(
              "grep", "Only lines matching this regular expression (case-insensitive), such as 'error|timeout'."));

  private final Cluster cluster;
  private final MaskingPolicy masking;
  private final OutputLimits limits;

  GetPodLogsTool(Cluster cluster, MaskingPolicy masking, OutputLimits limits) {
    this.cluster = cluster;
    this.masking = masking;
    this.limits = limits;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    String pod = args.requiredString("name");
    String namespace = args.requiredString("namespace");
    Optional<String> container = args.string("container");
    int tail = args.intValue("tailLines", DEFAULT_TAIL);
    boolean previous = args.flag("previous");
    Optional<Integer> since = args.integer("sinceSeconds").map(Long::intValue);
    Optional<Pattern> grep = args.string("grep").map(GetPodLogsTool::pattern);
    String raw =
        cluster
            .session(args, call)
            .podLog(new PodLogQuery(namespace, pod, container, grep.isPresent() ? GREP_SCAN : tail, previous, since));

    List<String> lines = new ArrayList<>(List.of(raw.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    if (grep.isPresent()) {
      lines = new ArrayList<>(lines.stream().filter(l -> grep.get().matcher(l).find()).toList());
    }
    // The API honours tailLines, but a proxy or an old server may not: bound it here as well.
    boolean cutLines = lines.size() > tail;
    if (cutLines) {
      lines = lines.subList(lines.size() - tail, lines.size());
    }
    int longLines = 0;
    StringBuilder body = new StringBuilder();
    int budget = limits.maxBytes() - 512; // room for the header and the structured content
    int kept = 0;
    boolean cutBytes = false;
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      if (line.length() > MAX_LINE) {
        line = line.substring(0, MAX_LINE) + "…[line cut]";
        longLines++;
      }
      line = Shown.text(line, masking);
      int size = line.getBytes(StandardCharsets.UTF_8).length + 1;
      if (size > budget) {
        cutBytes = true;
        break;
      }
      budget -= size;
      body.insert(0, line + "\n");
      kept++;
    }
    String source =
        (previous ? "previous run of " : "") + "pod/" + pod + container.map(c -> " container " + c).orElse("") + " in " + namespace;
    StringBuilder header = new StringBuilder("Last ").append(kept).append(" line(s)");
    grep.ifPresent(g -> header.append(" matching '").append(g.pattern()).append('\''));
    header.append(" of ").append(source);
    boolean truncated = cutLines || cutBytes || longLines > 0;
    if (truncated) {
      header.append(" (truncated:");
      if (cutLines || cutBytes) {
        header.append(" older lines omitted");
      }
      if (longLines > 0) {
        header.append(cutLines || cutBytes ? ";" : "").append(' ').append(longLines)
            .append(" long line(s) cut at ").append(MAX_LINE).append(" characters");
      }
      header.append(')');
    }
    header.append(":\n");
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("pod", pod);
    structured.put("namespace", namespace);
    container.ifPresent(c -> structured.put("container", c));
    structured.put("previous", previous);
    grep.ifPresent(g -> structured.put("grep", g.pattern()));
    structured.put("lines", kept);
    structured.put("truncated", truncated);
    return new ToolResult(header + (kept == 0 ? "(no log lines)\n" : body.toString()), structured);
  }

  private static Pattern pattern(String grep) {
    if (grep.length() > 256) {
      throw new InvalidToolArgumentException("grep", "is longer than 256 characters");
    }
    try {
      return Pattern.compile(grep, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw new InvalidToolArgumentException("grep", "is not a valid regular expression: " + e.getDescription());
    }
  }
}
