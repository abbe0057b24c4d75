package io.cloudnativemcp.domain.access;

import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.util.Objects;

/**
 * Server-wide limits that no rule can lift: {@code readOnly} hides every tool that changes the
 * cluster, {@code disableDestructive} hides the destructive ones, {@code tools} hides tools by name
 * ({@code kubernetes.enabledTools}/{@code disabledTools}), {@code namespaces} bounds the namespaces
 * any call may address, {@code deniedResources} the kinds, and {@code confirmationFallback} says
 * what a destructive call does when the client cannot ask its user.
 */
public record ServerMode(
    boolean readOnly,
    boolean disableDestructive,
    GlobSet tools,
    GlobSet namespaces,
    ResourceDenyList deniedResources,
    ConfirmationFallback confirmationFallback) {

  public ServerMode {
    tools = tools == null ? GlobSet.all() : tools;
    namespaces = namespaces == null ? GlobSet.all() : namespaces;
    deniedResources = deniedResources == null ? ResourceDenyList.none() : deniedResources;
    confirmationFallback = confirmationFallback == null ? ConfirmationFallback.ALLOW : confirmationFallback;
  }

  public ServerMode(boolean readOnly, boolean disableDestructive) {
    this(readOnly, disableDestructive, GlobSet.all(), GlobSet.all(), ResourceDenyList.none(), ConfirmationFallback.ALLOW);
  }

  public static ServerMode unrestricted() {
    return new ServerMode(false, false);
  }

  public boolean admits(ToolRisk risk) {
    return switch (risk) {
      case READ_ONLY -> true;
      case MUTATING -> !readOnly;
      case DESTRUCTIVE -> !readOnly && !disableDestructive;
    };
  }

  /** Whether the tool exists on this server at all: its risk is admitted and its name enabled. */
  public boolean admits(ToolDescriptor tool) {
    Objects.requireNonNull(tool, "'tool' must not be null");
    return admits(tool.risk()) && tools.matches(tool.name().value());
  }

  /** Whether calls may address this namespace. */
  public boolean servesNamespace(String namespace) {
    return namespaces.matches(namespace);
  }

  /** Whether some namespaces are excluded (so all-namespace results must be filtered). */
  public boolean restrictsNamespaces() {
    return !namespaces.isUnrestricted();
  }

  /** Whether calls may address a kind of an API group ({@code ""} for core). */
  public boolean servesKind(String group, String kind) {
    return !deniedResources.denies(group, kind);
  }

  /** The same mode with the tool, namespace, kind and confirmation settings. */
  public ServerMode with(GlobSet tools, GlobSet namespaces, ResourceDenyList denied, ConfirmationFallback fallback) {
    return new ServerMode(readOnly, disableDestructive, tools, namespaces, denied, fallback);
  }
}
