package io.cloudnativemcp.adapter.in.http.metrics;

import io.cloudnativemcp.application.port.out.MetricsRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The server's metrics, recorded through the application's port and rendered in the Prometheus
 * text format. Every name starts with {@code mcp_}; label values come from closed sets (tool names
 * of the catalog, outcomes, reasons), so their number stays bounded.
 */
@ApplicationScoped
public class PrometheusMetrics implements MetricsRecorder {
  private final Map<String, LongAdder> toolCalls = new ConcurrentHashMap<>();
  private final Map<String, Histogram> toolDurations = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> authFailures = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> rateLimited = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> alerts = new ConcurrentHashMap<>();
  private final Histogram auditWrites = new Histogram(Histogram.LATENCY_BUCKETS);
  private final LongAdder auditRecords = new LongAdder();
  private final Map<String, Histogram> kubernetesDurations = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> kubernetesErrors = new ConcurrentHashMap<>();
  private volatile IntSupplier auditDepth = () -> 0;

  @Override
  public void toolCall(String tool, String outcome, long durationNanos) {
    toolCalls.computeIfAbsent(labels("tool", tool, "outcome", outcome), k -> new LongAdder()).increment();
    toolDurations.computeIfAbsent(labels("tool", tool), k -> new Histogram(Histogram.LATENCY_BUCKETS)).observe(durationNanos / 1e9);
  }

  @Override
  public void authFailure(String reason) {
    authFailures.computeIfAbsent(labels("reason", reason), k -> new LongAdder()).increment();
  }

  @Override
  public void rateLimited(String limitedBy) {
    rateLimited.computeIfAbsent(labels("scope", limitedBy), k -> new LongAdder()).increment();
  }

  @Override
  public void alert(String type) {
    alerts.computeIfAbsent(labels("type", type), k -> new LongAdder()).increment();
  }

  @Override
  public void auditWrite(int records, long durationNanos) {
    auditWrites.observe(durationNanos / 1e9);
    auditRecords.add(records);
  }

  @Override
  public void kubernetesApiCall(String verb, long durationNanos, boolean failed) {
    kubernetesDurations.computeIfAbsent(labels("verb", verb), k -> new Histogram(Histogram.LATENCY_BUCKETS)).observe(durationNanos / 1e9);
    if (failed) {
      kubernetesErrors.computeIfAbsent(labels("verb", verb), k -> new LongAdder()).increment();
    }
  }

  @Override
  public void auditBufferDepth(IntSupplier depth) {
    this.auditDepth = depth;
  }

  /** The Prometheus text exposition (version 0.0.4). */
  public String scrape() {
    StringBuilder out = new StringBuilder(4096);
    counter(out, "mcp_tool_calls_total", "Tool calls by tool and outcome.", toolCalls);
    histograms(out, "mcp_tool_call_duration_seconds", "Duration of tool calls.", toolDurations);
    counter(out, "mcp_auth_failures_total", "Failed authentications by reason.", authFailures);
    counter(out, "mcp_ratelimit_rejections_total", "Requests refused by the rate limit, by bucket.", rateLimited);
    counter(out, "mcp_alerts_total", "Security alerts raised, by type.", alerts);
    gauge(out, "mcp_audit_buffer_depth", "Audit records waiting to be stored.", auditDepth.getAsInt());
    histograms(out, "mcp_audit_write_duration_seconds", "Duration of one audit batch write.", Map.of("", auditWrites));
    counter(out, "mcp_audit_records_written_total", "Audit records stored.", Map.of("", auditRecords));
    histograms(out, "mcp_kubernetes_api_duration_seconds", "Duration of Kubernetes API requests.", kubernetesDurations);
    counter(out, "mcp_kubernetes_api_errors_total", "Failed Kubernetes API requests.", kubernetesErrors);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    out.append("# HELP mcp_jvm_memory_used_bytes Memory used by the JVM.\n# TYPE mcp_jvm_memory_used_bytes gauge\n");
    out.append("mcp_jvm_memory_used_bytes{area=\"heap\"} ").append(memory.getHeapMemoryUsage().getUsed()).append('\n');
    out.append("mcp_jvm_memory_used_bytes{area=\"nonheap\"} ").append(memory.getNonHeapMemoryUsage().getUsed()).append('\n');
    gauge(out, "mcp_jvm_threads", "Live JVM threads.", ManagementFactory.getThreadMXBean().getThreadCount());
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      out.append("# HELP mcp_process_cpu_seconds_total CPU time used by the server process.\n# TYPE mcp_process_cpu_seconds_total counter\n");
      out.append("mcp_process_cpu_seconds_total ").append(os.getProcessCpuTime() / 1e9).append('\n');
    }
    return out.toString();
  }

  private static void counter(StringBuilder out, String name, String help, Map<String, LongAdder> series) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" counter\n");
    for (Map.Entry<String, LongAdder> e : new TreeMap<>(series).entrySet()) {
      out.append(name).append(e.getKey().isEmpty() ? "" : "{" + e.getKey() + "}").append(' ').append(e.getValue().sum()).append('\n');
    }
  }

  private static void histograms(StringBuilder out, String name, String help, Map<String, Histogram> series) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" histogram\n");
    for (Map.Entry<String, Histogram> e : new TreeMap<>(series).entrySet()) {
      e.getValue().write(out, name, e.getKey());
    }
  }

  private static void gauge(StringBuilder out, String name, String help, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" gauge\n");
    out.append(name).append(' ').append(value).append('\n');
  }

  static String labels(String... pairs) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (s.length() > 0) {
        s.append(',');
      }
      s.append(pairs[i]).append("=\"").append(escape(pairs[i + 1])).append('"');
    }
    return s.toString();
  }

  private static String escape(String v) {
    return v == null ? "" : v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
