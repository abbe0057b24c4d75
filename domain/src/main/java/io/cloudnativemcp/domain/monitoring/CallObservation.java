package io.cloudnativemcp.domain.monitoring;

import io.cloudnativemcp.domain.tool.ToolRisk;
import java.time.Instant;
import java.util.Objects;

/**
 * One completed tool call as the anomaly rules see it.
 *
 * @param principal who called
 * @param tool which tool
 * @param risk the tool's risk
 * @param namespace the namespace addressed, or {@code null}
 * @param failed whether the call was denied or failed
 * @param at when it happened
 */
public record CallObservation(String principal, String tool, ToolRisk risk, String namespace, boolean failed, Instant at) {
  public CallObservation {
    Objects.requireNonNull(principal, "'principal' must not be null");
    Objects.requireNonNull(tool, "'tool' must not be null");
    Objects.requireNonNull(risk, "'risk' must not be null");
    Objects.requireNonNull(at, "'at' must not be null");
  }
}
