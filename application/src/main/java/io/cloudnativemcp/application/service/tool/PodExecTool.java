package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.ExecRequest;
import io.cloudnativemcp.domain.cluster.ExecResult;
import io.cloudnativemcp.domain.tool.InvalidToolArgumentException;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kubernetes_pod_exec}: run a command (an argument vector, no shell added) in a container. */
final class PodExecTool implements Tool {
  static final int MAX_ARGS = 64;
  static final int DEFAULT_TIMEOUT = 30;
  static final int MAX_TIMEOUT = 300;

  private static final ToolDescriptor DESCRIPTOR =
      Specs.tool(
          "kubernetes_pod_exec",
          "Exec in pod",
          "Run a command in a running container, like kubectl exec, and return its output and exit"
              + " code. command is an argument vector such as [\"ls\",\"-la\",\"/app\"]; no shell is"
              + " added (use [\"sh\",\"-c\",\"...\"] for one). Bounded by timeoutSeconds; output is"
              + " cut to fit and credentials are masked. Offered only to principals allowed"
              + " destructive tools, and the user is asked to confirm when the client supports it.",
          ToolRisk.DESTRUCTIVE,
          false,
          Schemas.result(
              List.of("pod", "namespace", "command", "stdout", "stderr"),
              "pod", Schemas.string("Pod."),
              "namespace", Schemas.string("Namespace."),
              "container", Schemas.string("Container, when named."),
              "command", Schemas.stringArray("The argument vector run."),
              "exitCode", Schemas.integer("Exit code, when reported."),
              "stdout", Schemas.string("Standard output."),
              "stderr", Schemas.string("Standard error."),
              "timedOut", Schemas.bool("Whether the command was stopped at the timeout."),
              "outputTruncated", Schemas.bool("Whether output was cut.")),
          ToolParameter.requiredString("podName", "Pod name."),
          Parameters.requiredNamespace("Namespace of the pod."),
          ToolParameter.optionalString("containerName", "Container; required when the pod has several."),
          ToolParameter.stringArray("command", "The command and its arguments, such as [\"cat\",\"/etc/os-release\"] (at most 64).", true, MAX_ARGS),
          Parameters.timeoutSeconds(DEFAULT_TIMEOUT, MAX_TIMEOUT));

  private final Cluster cluster;
  private final MaskingPolicy masking;
  private final OutputLimits limits;

  PodExecTool(Cluster cluster, MaskingPolicy masking, OutputLimits limits) {
    this.cluster = cluster;
    this.masking = masking;
    this.limits = limits;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public String confirmation(ToolArguments args) {
    return "Run " + String.join(" ", args.strings("command")) + " in pod "
        + Texts.qualified(args.string("namespace").orElse(null), args.requiredString("podName"))
        + args.string("containerName").map(c -> " (container " + c + ")").orElse("") + "?";
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    List<String> command = args.strings("command");
    if (command.get(0).isBlank()) {
      throw new InvalidToolArgumentException("command", "must start with the program to run");
    }
    String pod = args.requiredString("podName");
    String namespace = args.requiredString("namespace");
    ExecResult r =
        cluster
            .session(args, call)
            .exec(new ExecRequest(namespace, pod, args.string("containerName"), command,
                Duration.ofSeconds(args.intValue("timeoutSeconds", DEFAULT_TIMEOUT))));
    int budget = Math.max(1024, limits.maxBytes() / 2 - 2048); // both streams, text and structured
    String stdout = cut(Shown.text(r.stdout(), masking), budget * 3 / 4);
    String stderr = cut(Shown.text(r.stderr(), masking), budget / 4);
    boolean truncated = r.truncated() || !stdout.equals(Shown.text(r.stdout(), masking)) || !stderr.equals(Shown.text(r.stderr(), masking));
    StringBuilder text = new StringBuilder("$ ").append(String.join(" ", command)).append('\n');
    text.append(stdout);
    if (!stdout.isEmpty() && !stdout.endsWith("\n")) {
      text.append('\n');
    }
    if (!stderr.isEmpty()) {
      text.append("[stderr]\n").append(stderr).append(stderr.endsWith("\n") ? "" : "\n");
    }
    text.append("[exit code ").append(r.exitCode().map(String::valueOf).orElse("unknown")).append(']');
    if (r.timedOut()) {
      text.append(" [stopped after ").append(args.intValue("timeoutSeconds", DEFAULT_TIMEOUT)).append("s timeout]");
    }
    if (truncated) {
      text.append(" [output truncated]");
    }
    text.append('\n');
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("pod", pod);
    structured.put("namespace", namespace);
    args.string("containerName").ifPresent(c -> structured.put("container", c));
    structured.put("command", command);
    r.exitCode().ifPresent(c -> structured.put("exitCode", c));
    structured.put("stdout", stdout);
    structured.put("stderr", stderr);
    structured.put("timedOut", r.timedOut());
    structured.put("outputTruncated", truncated);
    return new ToolResult(text.toString(), structured);
  }

  private static String cut(String s, int maxBytes) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length <= maxBytes) {
      return s;
    }
    String head = new String(b, 0, maxBytes, StandardCharsets.UTF_8);
    return head.endsWith("\uFFFD") ? head.substring(0, head.length() - 1) : head;
  }
}
