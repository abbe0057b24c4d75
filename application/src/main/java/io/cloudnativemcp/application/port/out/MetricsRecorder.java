package io.cloudnativemcp.application.port.out;

import java.util.function.IntSupplier;

/** Outgoing port for operational metrics (exposed in Prometheus format as {@code mcp_*}). */
public interface MetricsRecorder {

  void toolCall(String tool, String outcome, long durationNanos);

  void authFailure(String reason);

  void rateLimited(String limitedBy);

  void alert(String type);

  void auditWrite(int records, long durationNanos);

  void kubernetesApiCall(String verb, long durationNanos, boolean failed);

  /** Registers the live depth of the audit buffer. */
  void auditBufferDepth(IntSupplier depth);

  /** A recorder that records nothing (tests, and when metrics are off). */
  static MetricsRecorder none() {
    return new MetricsRecorder() {
      @Override
      public void toolCall(String tool, String outcome, long durationNanos) {}

      @Override
      public void authFailure(String reason) {}

      @Override
      public void rateLimited(String limitedBy) {}

      @Override
      public void alert(String type) {}

      @Override
      public void auditWrite(int records, long durationNanos) {}

      @Override
      public void kubernetesApiCall(String verb, long durationNanos, boolean failed) {}

      @Override
      public void auditBufferDepth(IntSupplier depth) {}
    };
  }
}
