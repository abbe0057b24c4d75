package io.cloudnativemcp.application.service;

import io.cloudnativemcp.application.port.in.CheckRateLimitUseCase;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.application.settings.RateLimitSettings;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.ratelimit.RateDecision;
import io.cloudnativemcp.domain.ratelimit.RateLimitPolicy;
import io.cloudnativemcp.domain.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits requests with the domain's token buckets: one per principal (its policy's override, or
 * the default) and one per client address.
 */
@ApplicationScoped
public class CheckRateLimitService implements CheckRateLimitUseCase {
  private RateLimitSettings settings;
  private MetricsRecorder metrics;
  private Clock clock;
  private RateLimiter limiter;
  private AccessPolicy policy;
  private final Map<String, RateLimitPolicy> principalPolicies = new ConcurrentHashMap<>();

  /** For CDI's client proxy only. */
  protected CheckRateLimitService() {}

  @Inject
  public CheckRateLimitService(RateLimitSettings settings, AccessPolicy policy, MetricsRecorder metrics, Clock clock) {
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
    this.limiter =
        new RateLimiter(
            key ->
                key.startsWith("address:")
                    ? settings.perAddress()
                    : principalPolicies.getOrDefault(key, settings.perPrincipal()));
    this.policy = policy;
  }

  @Override
  public RateDecision check(Principal principal, String clientAddress) {
    if (!settings.enabled()) {
      return RateDecision.allow();
    }
    String principalKey = "principal:" + principal.authMethod().wireName() + "/" + principal.name();
    if (principalPolicies.size() > 100_000) {
      principalPolicies.clear(); // policies are recomputed on demand; this only bounds memory
    }
    principalPolicies.computeIfAbsent(principalKey, k -> policy.rateLimitFor(principal).orElse(settings.perPrincipal()));
    RateDecision decision = limiter.tryAcquire(clock.instant(), principalKey, "address:" + clientAddress);
    if (!decision.allowed()) {
      metrics.rateLimited(decision.limitedBy());
    }
    return decision;
  }
}
