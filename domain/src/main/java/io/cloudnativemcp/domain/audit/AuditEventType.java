package io.cloudnativemcp.domain.audit;

import java.util.Locale;

/** What kind of action an audit record describes. */
public enum AuditEventType {
  /** An MCP {@code tools/call}. */
  TOOL_CALL,
  /** A failed (or noteworthy) authentication attempt. */
  AUTHENTICATION,
  /** Use of the REST administration API (keys, audit). */
  ADMIN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
