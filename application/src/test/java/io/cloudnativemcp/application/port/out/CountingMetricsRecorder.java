package io.cloudnativemcp.application.port.out;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/** Counts what the services report, by label; remembers the size of every audit batch. */
public final class CountingMetricsRecorder implements MetricsRecorder {
  private final Map<String, Integer> authFailures = new ConcurrentHashMap<>();
  private final Map<String, Integer> rateLimited = new ConcurrentHashMap<>();
  private final Map<String, Integer> alerts = new ConcurrentHashMap<>();
  private final Map<String, Integer> toolCalls = new ConcurrentHashMap<>();
  private final List<Integer> auditBatches = new ArrayList<>();
  private final List<String> kubernetesCalls = new ArrayList<>();
  private volatile IntSupplier auditBufferDepth;

  @Override
  public void toolCall(String tool, String outcome, long durationNanos) {
    toolCalls.merge(tool + "/" + outcome, 1, Integer::sum);
  }

  @Override
  public void authFailure(String reason) {
    authFailures.merge(reason, 1, Integer::sum);
  }

  @Override
  public void rateLimited(String limitedBy) {
    rateLimited.merge(limitedBy, 1, Integer::sum);
  }

  @Override
  public void alert(String type) {
    alerts.merge(type, 1, Integer::sum);
  }

  @Override
  public synchronized void auditWrite(int records, long durationNanos) {
    auditBatches.add(records);
  }

  @Override
  public synchronized void kubernetesApiCall(String verb, long durationNanos, boolean failed) {
    if (durationNanos <= 0) {
      throw new AssertionError("a request's duration must be positive: " + durationNanos);
    }
    kubernetesCalls.add(verb + (failed ? " failed" : " ok"));
  }

  /** Kubernetes API requests as {@code "<verb> ok"} or {@code "<verb> failed"}, in order. */
  public synchronized List<String> kubernetesCalls() {
    return List.copyOf(kubernetesCalls);
  }

  public synchronized void forgetKubernetesCalls() {
    kubernetesCalls.clear();
  }

  @Override
  public void auditBufferDepth(IntSupplier depth) {
    auditBufferDepth = depth;
  }

  /** Rejections per {@code limitedBy} ({@code principal}, {@code address}). */
  public Map<String, Integer> rateLimited() {
    return Map.copyOf(rateLimited);
  }

  /** Alerts per wire name of their type. */
  public Map<String, Integer> alerts() {
    return Map.copyOf(alerts);
  }

  /** Failed authentications per reason code. */
  public Map<String, Integer> authFailures() {
    return Map.copyOf(authFailures);
  }

  public Map<String, Integer> toolCalls() {
    return Map.copyOf(toolCalls);
  }

  /** Sizes of the batches the audit trail wrote, in order. */
  public synchronized List<Integer> auditBatches() {
    return List.copyOf(auditBatches);
  }

  /** The depth gauge the audit trail registered, or {@code null}. */
  public IntSupplier auditBufferDepth() {
    return auditBufferDepth;
  }
}
