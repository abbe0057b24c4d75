package io.cloudnativemcp.application.service;

import io.cloudnativemcp.application.port.in.PromptsUseCase;
import io.cloudnativemcp.application.service.prompt.KubernetesPrompts;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.prompt.PromptArgumentsException;
import io.cloudnativemcp.domain.prompt.PromptDescriptor;
import io.cloudnativemcp.domain.prompt.PromptTemplate;
import io.cloudnativemcp.domain.prompt.RenderedPrompt;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Offers the Kubernetes prompts. A read-only server does not offer the remediation prompt: it
 * would lead the assistant to tools that do not exist there.
 */
@Dependent
public class PromptService implements PromptsUseCase {
  static final String REMEDIATION = "kubernetes_safe_remediation";

  private final List<PromptTemplate> templates;

  @Inject
  public PromptService(AccessPolicy policy) {
    this(offered(policy.mode()));
  }

  PromptService(List<PromptTemplate> templates) {
    this.templates = List.copyOf(templates);
  }

  @Override
  public List<PromptDescriptor> prompts() {
    return templates.stream().map(PromptTemplate::descriptor).toList();
  }

  @Override
  public Optional<PromptDescriptor> prompt(String name) {
    return template(name).map(PromptTemplate::descriptor);
  }

  @Override
  public RenderedPrompt render(String name, Map<String, String> arguments) {
    return template(name)
        .orElseThrow(() -> new PromptArgumentsException(name, List.of("no such prompt")))
        .render(arguments == null ? Map.of() : arguments);
  }

  static List<PromptTemplate> offered(ServerMode mode) {
    return KubernetesPrompts.all().stream().filter(t -> !(mode.readOnly() && t.descriptor().name().equals(REMEDIATION))).toList();
  }

  private Optional<PromptTemplate> template(String name) {
    return templates.stream().filter(t -> t.descriptor().name().equals(name)).findFirst();
  }
}
