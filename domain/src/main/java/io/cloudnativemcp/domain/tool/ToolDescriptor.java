package io.cloudnativemcp.domain.tool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a client learns about a tool before calling it.
 *
 * @param name unique name
 * @param title short human title
 * @param description what it does and returns, written for an assistant
 * @param risk read-only, mutating or destructive
 * @param idempotent whether repeating the call has no further effect
 * @param parameters input parameters
 * @param outputSchema JSON Schema of the structured content the tool returns, or {@code null} when
 *     it returns text only; a tool that declares one returns structured content on every success
 */
public record ToolDescriptor(
    ToolName name,
    String title,
    String description,
    ToolRisk risk,
    boolean idempotent,
    List<ToolParameter> parameters,
    Map<String, Object> outputSchema) {

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
    if (outputSchema != null && !"object".equals(outputSchema.get("type"))) {
      throw new IllegalArgumentException("the output schema of tool " + name + " must describe an object");
    }
    outputSchema = outputSchema == null ? null : frozen(outputSchema);
  }

  /** A tool that returns text only. */
  public ToolDescriptor(
      ToolName name, String title, String description, ToolRisk risk, boolean idempotent, List<ToolParameter> parameters) {
    this(name, title, description, risk, idempotent, parameters, null);
  }

  /** The same tool with an output schema. */
  public ToolDescriptor withOutputSchema(Map<String, Object> schema) {
    return new ToolDescriptor(name, title, description, risk, idempotent, parameters, schema);
  }

  /** The same tool with further parameters appended. */
  public ToolDescriptor withParameters(List<ToolParameter> more) {
    List<ToolParameter> all = new ArrayList<>(parameters);
    all.addAll(more);
    return new ToolDescriptor(name, title, description, risk, idempotent, all, outputSchema);
  }

  public Optional<Map<String, Object>> output() {
    return Optional.ofNullable(outputSchema);
  }

  public boolean readOnly() {
    return risk == ToolRisk.READ_ONLY;
  }

  public boolean destructive() {
    return risk == ToolRisk.DESTRUCTIVE;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> frozen(Map<String, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, frozenValue(v)));
    return Collections.unmodifiableMap(out);
  }

  @SuppressWarnings("unchecked")
  private static Object frozenValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return frozen((Map<String, ?>) m);
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      c.forEach(i -> out.add(frozenValue(i)));
      return Collections.unmodifiableList(out);
    }
    return v;
  }
}
