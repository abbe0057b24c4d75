package io.cloudnativemcp.domain.access;

import java.util.Locale;

/**
 * What a destructive call does when the client cannot ask its user for confirmation
 * ({@code kubernetes.confirmationFallback}): run, since the policy already allowed it, or refuse.
 */
public enum ConfirmationFallback {
  ALLOW,
  DENY;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ConfirmationFallback fromWireName(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be allow or deny (got '" + name + "')", e);
    }
  }
}
