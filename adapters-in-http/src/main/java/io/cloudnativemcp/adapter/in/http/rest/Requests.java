package io.cloudnativemcp.adapter.in.http.rest;

import io.cloudnativemcp.adapter.in.http.RequestAttributes;
import io.cloudnativemcp.application.port.in.AdminRequest;
import io.cloudnativemcp.application.port.in.RequestOrigin;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads what the filters established and parses query parameters, with errors that name the parameter. */
final class Requests {
  private Requests() {}

  static Principal principal(HttpServletRequest request) {
    // The authentication filter runs before every /api request; without it nothing reaches here.
    return RequestAttributes.principal(request).orElseThrow(() -> new IllegalStateException("no principal on an /api request"));
  }

  static RequestOrigin origin(HttpServletRequest request) {
    return RequestAttributes.origin(request);
  }

  static AdminRequest admin(HttpServletRequest request) {
    return new AdminRequest(principal(request), origin(request));
  }

  static Optional<Instant> instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.trim()).toInstant());
    } catch (DateTimeParseException e) {
      throw invalid(name, "must be an RFC 3339 time such as 2026-11-28T12:00:00Z (got '" + value + "')");
    }
  }

  static int integer(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < min || n > max) {
        throw invalid(name, "must be between " + min + " and " + max + " (got " + n + ")");
      }
      return n;
    } catch (NumberFormatException e) {
      throw invalid(name, "must be a whole number (got '" + value + "')");
    }
  }

  static RuleViolationException invalid(String name, String problem) {
    return new RuleViolationException("invalid_parameter", "Invalid parameter '" + name + "': " + problem);
  }
}
