package io.cloudnativemcp.application.port.in;

/** Use case (scheduled): delete the oldest audit records beyond the retention limits, in batches. */
public interface PruneAuditLogUseCase {
  /** @return how many records were deleted */
  long prune();
}
