package io.cloudnativemcp.domain.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command to run in a container. The command is an argument vector, never a shell string: the
 * server adds no shell and splices nothing.
 */
public record ExecRequest(
    String namespace, String pod, Optional<String> container, List<String> command, Duration timeout) {
  public ExecRequest {
    Objects.requireNonNull(namespace, "'namespace' must not be null");
    Objects.requireNonNull(pod, "'pod' must not be null");
    container = container == null ? Optional.empty() : container.filter(c -> !c.isBlank());
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("'command' must not be empty");
    }
    Objects.requireNonNull(timeout, "'timeout' must not be null");
  }
}
