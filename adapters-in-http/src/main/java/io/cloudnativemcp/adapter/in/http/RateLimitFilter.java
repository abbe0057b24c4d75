package io.cloudnativemcp.adapter.in.http;

import io.cloudnativemcp.application.port.in.CheckRateLimitUseCase;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.ratelimit.RateDecision;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * After authentication: one token per request from the principal's bucket and the client
 * address's bucket, or 429 with {@code Retry-After}.
 */
public class RateLimitFilter implements Filter {
  private final CheckRateLimitUseCase rateLimit;

  public RateLimitFilter(CheckRateLimitUseCase rateLimit) {
    this.rateLimit = rateLimit;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    Optional<Principal> principal = RequestAttributes.principal(request);
    if (principal.isEmpty()) {
      chain.doFilter(req, res); // metrics from an allowed network: nothing to count against
      return;
    }
    RateDecision decision = rateLimit.check(principal.get(), RequestAttributes.origin(request).clientAddress());
    if (decision.allowed()) {
      chain.doFilter(req, res);
      return;
    }
    HttpServletResponse response = (HttpServletResponse) res;
    response.setHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
    Problems.write(
        response,
        429,
        "Too Many Requests",
        "Rate limit exceeded (" + decision.limitedBy() + "); retry after " + decision.retryAfterSeconds() + " s.",
        "rate_limited");
  }
}
