package io.cloudnativemcp.domain.prompt;

import java.util.List;

/** A prompt was asked for with arguments it cannot take, or does not exist. */
public class PromptArgumentsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public PromptArgumentsException(String prompt, List<String> problems) {
    super("Prompt '" + prompt + "': " + String.join("; ", problems) + ".");
  }
}
