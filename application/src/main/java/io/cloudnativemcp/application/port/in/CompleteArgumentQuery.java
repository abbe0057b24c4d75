package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.principal.Principal;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code completion/complete} request for a prompt argument.
 *
 * @param principal who asks
 * @param prompt prompt name
 * @param argument argument being typed
 * @param prefix what the user typed so far
 * @param context arguments already filled in (for example {@code namespace} when completing a
 *     {@code name})
 */
public record CompleteArgumentQuery(Principal principal, String prompt, String argument, String prefix, Map<String, String> context) {
  public CompleteArgumentQuery {
    Objects.requireNonNull(principal, "'principal' must not be null");
    Objects.requireNonNull(prompt, "'prompt' must not be null");
    Objects.requireNonNull(argument, "'argument' must not be null");
    prefix = prefix == null ? "" : prefix;
    context = context == null ? Map.of() : Map.copyOf(context);
  }
}
