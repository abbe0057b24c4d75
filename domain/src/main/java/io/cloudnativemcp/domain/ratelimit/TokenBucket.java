package io.cloudnativemcp.domain.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket. Refills continuously at the policy's rate, never above the burst. Not thread
 * safe on its own: {@link RateLimiter} serialises access per bucket.
 */
public final class TokenBucket {
  private final RateLimitPolicy policy;
  private double tokens;
  private long lastRefillNanos;
  private Instant lastUsed;

  public TokenBucket(RateLimitPolicy policy, Instant now) {
    this.policy = policy;
    this.tokens = policy.burst();
    this.lastRefillNanos = toNanos(now);
    this.lastUsed = now;
  }

  /** Takes a token if one is available; otherwise says how long until one is. */
  public Duration tryTake(Instant now) {
    refill(now);
    lastUsed = now;
    if (tokens >= 1) {
      tokens -= 1;
      return Duration.ZERO;
    }
    double missing = 1 - tokens;
    long waitNanos = (long) Math.ceil(missing / policy.requestsPerSecond() * 1_000_000_000d);
    return Duration.ofNanos(Math.max(waitNanos, 1));
  }

  /** Returns a token taken by a request that was refused elsewhere. */
  public void giveBack() {
    tokens = Math.min(policy.burst(), tokens + 1);
  }

  public double available(Instant now) {
    refill(now);
    return tokens;
  }

  public Instant lastUsed() {
    return lastUsed;
  }

  public RateLimitPolicy policy() {
    return policy;
  }

  private void refill(Instant now) {
    long nowNanos = toNanos(now);
    long elapsed = nowNanos - lastRefillNanos;
    if (elapsed > 0) {
      tokens = Math.min(policy.burst(), tokens + elapsed / 1_000_000_000d * policy.requestsPerSecond());
      lastRefillNanos = nowNanos;
    }
  }

  private static long toNanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
