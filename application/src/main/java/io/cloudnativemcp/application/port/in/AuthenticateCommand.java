package io.cloudnativemcp.application.port.in;

import java.util.Objects;

/** One request's credential and origin. */
public record AuthenticateCommand(Credential credential, RequestOrigin origin) {
  public AuthenticateCommand {
    Objects.requireNonNull(credential, "'credential' must not be null");
    Objects.requireNonNull(origin, "'origin' must not be null");
  }
}
