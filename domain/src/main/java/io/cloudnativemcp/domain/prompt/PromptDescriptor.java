package io.cloudnativemcp.domain.prompt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a client sees of a prompt in {@code prompts/list}.
 *
 * @param name unique prompt name
 * @param title human-readable title
 * @param description what the prompt is for
 * @param arguments its arguments, in order
 */
public record PromptDescriptor(String name, String title, String description, List<PromptArgument> arguments) {
  public PromptDescriptor {
    Objects.requireNonNull(name, "'name' must not be null");
    Objects.requireNonNull(title, "'title' must not be null");
    Objects.requireNonNull(description, "'description' must not be null");
    arguments = List.copyOf(arguments);
    Set<String> seen = new HashSet<>();
    for (PromptArgument a : arguments) {
      if (!seen.add(a.name())) {
        throw new IllegalArgumentException("duplicate argument " + a.name() + " in prompt " + name);
      }
    }
  }

  public Optional<PromptArgument> argument(String argumentName) {
    return arguments.stream().filter(a -> a.name().equals(argumentName)).findFirst();
  }

  /**
   * What is wrong with the given arguments: missing required ones and unknown names, one line each.
   * Empty when they are fine.
   */
  public List<String> problems(Map<String, String> given) {
    List<String> problems = new ArrayList<>();
    for (PromptArgument a : arguments) {
      String value = given.get(a.name());
      if (a.required() && (value == null || value.isBlank())) {
        problems.add("'" + a.name() + "' is required");
      }
      if (value != null && !value.isBlank() && a.values() == ArgumentValues.CHOICE && !a.choices().contains(value)) {
        problems.add("'" + a.name() + "' must be one of " + String.join(", ", a.choices()));
      }
    }
    for (String key : given.keySet()) {
      if (argument(key).isEmpty()) {
        problems.add("unknown argument '" + key + "'");
      }
    }
    return problems;
  }
}
