package io.cloudnativemcp.domain.prompt;

import java.util.List;
import java.util.Objects;

/**
 * A prompt filled in with its arguments: the user messages an assistant starts from.
 *
 * @param description one line on what the messages are for
 * @param messages the messages, in order
 */
public record RenderedPrompt(String description, List<String> messages) {
  public RenderedPrompt {
    Objects.requireNonNull(description, "'description' must not be null");
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a prompt renders at least one message");
    }
  }
}
