package io.cloudnativemcp.domain.monitoring;

import java.util.Locale;

/** What an alert is about; the wire name labels metrics and webhook payloads. */
public enum AlertType {
  /** Too many failed authentications from one source or for one principal. */
  AUTH_FAILURES,
  /** A principal's call rate far above its baseline. */
  CALL_BURST,
  /** A principal's share of failed calls far above normal. */
  ERROR_RATE,
  /** A principal used a destructive tool for the first time. */
  FIRST_DESTRUCTIVE_USE,
  /** A principal touched unusually many, or unusual, namespaces. */
  NAMESPACE_SPREAD;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
