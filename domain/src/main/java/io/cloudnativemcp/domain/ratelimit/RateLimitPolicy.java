package io.cloudnativemcp.domain.ratelimit;

/**
 * A sustained rate and a burst: {@code requests_per_second} tokens are added per second, up to
 * {@code burst} tokens; each request takes one.
 */
public record RateLimitPolicy(double requestsPerSecond, int burst) {
  public RateLimitPolicy {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requests_per_second must be a positive number");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1");
    }
  }

  /** The seed guide's example: 100 requests per second with bursts of 200. */
  public static RateLimitPolicy seedGuide() {
    return new RateLimitPolicy(100, 200);
  }
}
