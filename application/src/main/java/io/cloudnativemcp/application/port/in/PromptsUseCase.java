package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.prompt.PromptDescriptor;
import io.cloudnativemcp.domain.prompt.RenderedPrompt;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The prompts the server offers (MCP {@code prompts/list} and {@code prompts/get}). */
public interface PromptsUseCase {

  /** Every prompt on offer, in a stable order. */
  List<PromptDescriptor> prompts();

  Optional<PromptDescriptor> prompt(String name);

  /**
   * Fills in a prompt.
   *
   * @throws io.cloudnativemcp.domain.prompt.PromptArgumentsException when the prompt does not
   *     exist or the arguments do not fit it
   */
  RenderedPrompt render(String name, Map<String, String> arguments);
}
