package io.cloudnativemcp.domain.prompt;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One argument of a prompt.
 *
 * @param name argument name
 * @param description what to pass
 * @param required whether the prompt cannot be rendered without it
 * @param values where completions come from
 * @param choices the fixed choices, for {@link ArgumentValues#CHOICE}
 */
public record PromptArgument(String name, String description, boolean required, ArgumentValues values, List<String> choices) {
  public PromptArgument {
    Objects.requireNonNull(name, "'name' must not be null");
    Objects.requireNonNull(description, "'description' must not be null");
    Objects.requireNonNull(values, "'values' must not be null");
    choices = List.copyOf(choices);
    if ((values == ArgumentValues.CHOICE) == choices.isEmpty()) {
      throw new IllegalArgumentException("choices are given exactly for CHOICE arguments: " + name);
    }
  }

  public static PromptArgument required(String name, String description, ArgumentValues values) {
    return new PromptArgument(name, description, true, values, List.of());
  }

  public static PromptArgument optional(String name, String description, ArgumentValues values) {
    return new PromptArgument(name, description, false, values, List.of());
  }

  public static PromptArgument choice(String name, String description, boolean required, List<String> choices) {
    return new PromptArgument(name, description, required, ArgumentValues.CHOICE, choices);
  }

  /** The choices that start with what the user typed so far (case-insensitive). */
  public List<String> choicesStartingWith(String prefix) {
    String p = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT);
    return choices.stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith(p)).toList();
  }
}
