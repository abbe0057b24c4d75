package io.cloudnativemcp.application.service;

import io.cloudnativemcp.application.port.in.CompleteArgumentQuery;
import io.cloudnativemcp.application.port.in.CompleteArgumentUseCase;
import io.cloudnativemcp.application.port.in.ListToolsUseCase;
import io.cloudnativemcp.application.port.in.PromptsUseCase;
import io.cloudnativemcp.application.port.out.ClusterDiscovery;
import io.cloudnativemcp.application.port.out.ClusterException;
import io.cloudnativemcp.application.port.out.ClusterGateway;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ClusterTarget;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.prompt.PromptArgument;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Completes prompt arguments from the cluster, with the caller's rights: a value is suggested only
 * if the caller could list it with the tool that lists it ({@code kubernetes_list_resources_summary},
 * {@code helm_list_releases}) — same policy, same namespace limits, same denied kinds, and the
 * caller's identity when the server impersonates. Completion is best effort: a cluster that does
 * not answer yields no suggestions, never an error.
 */
@Dependent
public class CompleteArgumentService implements CompleteArgumentUseCase {
  static final String LIST_TOOL = "kubernetes_list_resources_summary";
  static final String HELM_TOOL = "helm_list_releases";
  /** Objects read per suggestion list; names beyond the first page are not suggested. */
  static final int PAGE = 500;

  private static final Logger LOG = Logger.getLogger(CompleteArgumentService.class.getName());

  private final PromptsUseCase prompts;
  private final ListToolsUseCase tools;
  private final AccessPolicy policy;
  private final ClusterGateway cluster;
  private final ClusterDiscovery discovery;

  @Inject
  public CompleteArgumentService(
      PromptsUseCase prompts, ListToolsUseCase tools, AccessPolicy policy, ClusterGateway cluster, ClusterDiscovery discovery) {
    this.prompts = Objects.requireNonNull(prompts, "'prompts' must not be null");
    this.tools = Objects.requireNonNull(tools, "'tools' must not be null");
    this.policy = Objects.requireNonNull(policy, "'policy' must not be null");
    this.cluster = Objects.requireNonNull(cluster, "'cluster' must not be null");
    this.discovery = Objects.requireNonNull(discovery, "'discovery' must not be null");
  }

  @Override
  public Completions complete(CompleteArgumentQuery q) {
    Optional<PromptArgument> argument = prompts.prompt(q.prompt()).flatMap(p -> p.argument(q.argument()));
    if (argument.isEmpty()) {
      return Completions.none();
    }
    Optional<String> namespace = Optional.ofNullable(q.context().get("namespace")).filter(n -> !n.isBlank());
    try {
      return switch (argument.get().values()) {
        case FREE_TEXT -> Completions.none();
        case CHOICE -> matching(argument.get().choicesStartingWith(q.prefix()), "");
        case NAMESPACE -> matching(names(q.principal(), "namespaces", Optional.empty()).stream().filter(policy.mode()::servesNamespace).toList(), q.prefix());
        case KIND -> matching(kinds(q.principal()), q.prefix());
        case OBJECT_NAME -> matching(names(q.principal(), q.context().getOrDefault("kind", "pods"), namespace), q.prefix());
        case SERVICE -> matching(names(q.principal(), "services", namespace), q.prefix());
        case HELM_RELEASE -> matching(helmReleases(q.principal(), namespace), q.prefix());
      };
    } catch (ClusterException | IllegalArgumentException e) {
      LOG.log(Level.FINE, "no completions for " + q.prompt() + "." + q.argument() + ": " + e.getMessage());
      return Completions.none();
    }
  }

  /** Names of objects of a kind the caller may list there; empty when the policy says no. */
  private List<String> names(Principal caller, String kind, Optional<String> namespace) {
    if (!allowed(caller, LIST_TOOL, namespace)) {
      return List.of();
    }
    ApiResource type = discovery.on(target(caller)).resolve(kind);
    if (!policy.mode().servesKind(type.group(), type.kind())) {
      return List.of();
    }
    return metadataNames(cluster.on(target(caller)).list(new ListQuery(type.qualifiedName(), namespace, null, null, PAGE, null)).items());
  }

  /** Kinds the cluster serves that the server does not deny, as plural names. */
  private List<String> kinds(Principal caller) {
    if (!allowed(caller, LIST_TOOL, Optional.empty())) {
      return List.of();
    }
    return discovery.on(target(caller)).resources().stream()
        .filter(r -> policy.mode().servesKind(r.group(), r.kind()))
        .map(ApiResource::qualifiedName)
        .toList();
  }

  /** Helm keeps one Secret per release revision, labelled owner=helm and name=<release>. */
  private List<String> helmReleases(Principal caller, Optional<String> namespace) {
    if (!allowed(caller, HELM_TOOL, namespace)) {
      return List.of();
    }
    var page = cluster.on(target(caller)).list(new ListQuery("secrets", namespace, "owner=helm", null, PAGE, null));
    return page.items().stream().map(o -> label(o, "name")).filter(Objects::nonNull).toList();
  }

  private boolean allowed(Principal caller, String toolName, Optional<String> namespace) {
    Optional<ToolDescriptor> tool = tools.allTools().stream().filter(t -> t.name().value().equals(toolName)).findFirst();
    return tool.isPresent() && policy.decide(caller, tool.get(), namespace).allowed();
  }

  private static ClusterTarget target(Principal caller) {
    return ClusterTarget.caller(Optional.empty(), caller.name(), caller.groups());
  }

  private static Completions matching(Collection<String> candidates, String prefix) {
    String p = prefix.toLowerCase(Locale.ROOT);
    TreeSet<String> sorted = new TreeSet<>();
    for (String c : candidates) {
      if (c.toLowerCase(Locale.ROOT).startsWith(p)) {
        sorted.add(c);
      }
    }
    return new Completions(sorted.stream().limit(MAX_VALUES).toList(), sorted.size());
  }

  private static List<String> metadataNames(List<Map<String, Object>> items) {
    return items.stream()
        .map(o -> o.get("metadata") instanceof Map<?, ?> m && m.get("name") instanceof String n ? n : null)
        .filter(Objects::nonNull)
        .toList();
  }

  private static String label(Map<String, Object> o, String key) {
    return o.get("metadata") instanceof Map<?, ?> m && m.get("labels") instanceof Map<?, ?> labels && labels.get(key) instanceof String v
        ? v
        : null;
  }
}
