package io.cloudnativemcp.domain.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * What a command in a container produced.
 *
 * @param stdout standard output (possibly cut by the adapter at its byte bound)
 * @param stderr standard error
 * @param exitCode exit code when the API server reported one
 * @param timedOut whether the command was stopped at the timeout
 * @param truncated whether output beyond the adapter's bound was dropped
 */
public record ExecResult(String stdout, String stderr, Optional<Integer> exitCode, boolean timedOut, boolean truncated) {
  public ExecResult {
    Objects.requireNonNull(stdout, "'stdout' must not be null");
    Objects.requireNonNull(stderr, "'stderr' must not be null");
    exitCode = exitCode == null ? Optional.empty() : exitCode;
  }
}
