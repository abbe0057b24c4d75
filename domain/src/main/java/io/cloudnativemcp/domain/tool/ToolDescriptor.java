package io.cloudnativemcp.domain.tool;

import java.util.List;
import java.util.Objects;

/**
 * Everything a client learns about a tool before calling it.
 *
 * @param name unique name
 * @param title short human title
 * @param description what it does and returns, written for an assistant
 * @param risk read-only, mutating or destructive
 * @param idempotent whether repeating the call has no further effect
 * @param parameters input parameters
 */
public record ToolDescriptor(
    ToolName name,
    String title,
    String description,
    ToolRisk risk,
    boolean idempotent,
    List<ToolParameter> parameters) {

  public ToolDescriptor {
    Objects.requireNonNull(name, "'name' must not be null");
    Objects.requireNonNull(title, "'title' must not be null");
    Objects.requireNonNull(description, "'description' must not be null");
    Objects.requireNonNull(risk, "'risk' must not be null");
    parameters = parameters == null ? List.of() : List.copyOf(parameters);
    long distinct = parameters.stream().map(ToolParameter::name).distinct().count();
    if (distinct != parameters.size()) {
      throw new IllegalArgumentException("duplicate parameter names in tool " + name);
    }
  }

  public boolean readOnly() {
    return risk == ToolRisk.READ_ONLY;
  }

  public boolean destructive() {
    return risk == ToolRisk.DESTRUCTIVE;
  }
}
