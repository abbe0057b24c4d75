package io.cloudnativemcp.domain.access;

import java.util.Objects;

/** The outcome of asking the policy: allowed by a named rule, or denied with a reason. */
public sealed interface AccessDecision permits AccessDecision.Allowed, AccessDecision.Denied {

  boolean allowed();

  /** Allowed by {@code rule}. */
  record Allowed(String rule) implements AccessDecision {
    public Allowed {
      Objects.requireNonNull(rule, "'rule' must not be null");
    }

    @Override
    public boolean allowed() {
      return true;
    }
  }

  /** Denied; the reason is safe to show to the caller. */
  record Denied(String reason) implements AccessDecision {
    public Denied {
      Objects.requireNonNull(reason, "'reason' must not be null");
    }

    @Override
    public boolean allowed() {
      return false;
    }
  }
}
