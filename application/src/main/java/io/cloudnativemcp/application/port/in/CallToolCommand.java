package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.principal.Principal;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code tools/call} from an authenticated principal. The tool name stays a string here: an
 * unknown or malformed name is an outcome the use case audits, not a reason to drop the call.
 */
public record CallToolCommand(
    Principal principal, String toolName, Map<String, Object> arguments, RequestOrigin origin) {
  public CallToolCommand {
    Objects.requireNonNull(principal, "'principal' must not be null");
    Objects.requireNonNull(toolName, "'toolName' must not be null");
    Objects.requireNonNull(origin, "'origin' must not be null");
    arguments = arguments == null ? Map.of() : arguments;
  }
}
