package io.cloudnativemcp.domain.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Token buckets by key ({@code principal:alice}, {@code address:10.0.0.7}). A request must get a
 * token from every bucket it is checked against. Buckets idle for longer than it takes to refill
 * completely are dropped, so memory stays bounded by the number of active callers.
 */
public final class RateLimiter {
  /** Upper bound of tracked buckets; beyond it the oldest idle ones are evicted first. */
  static final int MAX_BUCKETS = 100_000;

  private final Function<String, RateLimitPolicy> policyFor;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  /** @param policyFor the policy of a bucket key (overrides per principal, default otherwise) */
  public RateLimiter(Function<String, RateLimitPolicy> policyFor) {
    this.policyFor = Objects.requireNonNull(policyFor, "'policyFor' must not be null");
  }

  public static RateLimiter uniform(RateLimitPolicy policy) {
    return new RateLimiter(key -> policy);
  }

  /**
   * Takes one token from each bucket, or none at all when one of them is empty.
   *
   * @param keys bucket keys in the form {@code kind:value}
   */
  public RateDecision tryAcquire(Instant now, String... keys) {
    TokenBucket[] taken = new TokenBucket[keys.length];
    for (int i = 0; i < keys.length; i++) {
      TokenBucket bucket = buckets.computeIfAbsent(keys[i], k -> new TokenBucket(policyFor.apply(k), now));
      Duration wait;
      synchronized (bucket) {
        wait = bucket.tryTake(now);
      }
      if (!wait.isZero()) {
        // Give back what the earlier buckets lent, so a refused request costs nothing.
        for (int j = 0; j < i; j++) {
          synchronized (taken[j]) {
            taken[j].giveBack();
          }
        }
        String key = keys[i];
        return RateDecision.refuse(wait, key.substring(0, Math.max(0, key.indexOf(':'))));
      }
      taken[i] = bucket;
    }
    if (buckets.size() > MAX_BUCKETS) {
      evictIdle(now);
    }
    return RateDecision.allow();
  }

  /** Drops buckets that would be full again anyway. */
  public void evictIdle(Instant now) {
    Iterator<Map.Entry<String, TokenBucket>> it = buckets.entrySet().iterator();
    while (it.hasNext()) {
      TokenBucket b = it.next().getValue();
      double secondsToFill = b.policy().burst() / b.policy().requestsPerSecond();
      if (b.lastUsed().plusMillis((long) (secondsToFill * 1000) + 1000).isBefore(now)) {
        it.remove();
      }
    }
  }

  public int trackedBuckets() {
    return buckets.size();
  }
}
