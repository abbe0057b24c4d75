package io.cloudnativemcp.application.port.in;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A new key.
 *
 * @param request who asks
 * @param name the key's name, which is also the principal it authenticates
 * @param groups groups the principal gets
 * @param expiresInDays lifetime; empty for no expiry of its own
 */
public record CreateApiKeyCommand(AdminRequest request, String name, Set<String> groups, Optional<Integer> expiresInDays) {
  public CreateApiKeyCommand {
    Objects.requireNonNull(request, "'request' must not be null");
    Objects.requireNonNull(name, "'name' must not be null");
    groups = groups == null ? Set.of() : Set.copyOf(groups);
    expiresInDays = expiresInDays == null ? Optional.empty() : expiresInDays;
    expiresInDays.ifPresent(
        d -> {
          if (d < 1 || d > 3650) {
            throw new IllegalArgumentException("expiresInDays must be between 1 and 3650");
          }
        });
  }
}
