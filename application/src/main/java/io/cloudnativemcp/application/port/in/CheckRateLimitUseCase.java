package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.ratelimit.RateDecision;

/** Use case: may this principal, from this address, make another request now? */
public interface CheckRateLimitUseCase {
  RateDecision check(Principal principal, String clientAddress);
}
