package io.cloudnativemcp.domain.ratelimit;

import java.time.Duration;

/**
 * Whether a request may go ahead; when not, how long until a token is available.
 *
 * @param allowed whether the request was admitted (and a token taken)
 * @param retryAfter wait before a retry can succeed; zero when allowed
 * @param limitedBy which bucket refused (for example {@code principal} or {@code address})
 */
public record RateDecision(boolean allowed, Duration retryAfter, String limitedBy) {
  private static final RateDecision ALLOWED = new RateDecision(true, Duration.ZERO, null);

  public static RateDecision allow() {
    return ALLOWED;
  }

  public static RateDecision refuse(Duration retryAfter, String limitedBy) {
    return new RateDecision(false, retryAfter, limitedBy);
  }

  /** Whole seconds for a {@code Retry-After} header, at least 1. */
  public long retryAfterSeconds() {
    return Math.max(1, retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0));
  }
}
