package io.cloudnativemcp.domain.cluster;

/**
 * The authorizer's answer.
 *
 * @param allowed whether the request would be allowed
 * @param denied whether an authorizer explicitly denied it (as opposed to no rule allowing it)
 * @param reason the authorizer's reason, may be empty
 * @param evaluationError an error while evaluating rules, may be empty
 */
public record PermissionVerdict(boolean allowed, boolean denied, String reason, String evaluationError) {
  public PermissionVerdict {
    reason = reason == null ? "" : reason;
    evaluationError = evaluationError == null ? "" : evaluationError;
  }
}
