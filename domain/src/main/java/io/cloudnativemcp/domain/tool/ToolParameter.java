package io.cloudnativemcp.domain.tool;

import java.util.List;
import java.util.Objects;

/**
 * One input parameter of a tool; adapters render it as JSON Schema.
 *
 * @param name parameter name as clients send it
 * @param type JSON type
 * @param description what it means, for the assistant
 * @param required whether the call fails without it
 * @param defaultValue value used when absent, or {@code null}
 * @param minimum lower bound for integers (0 for a required string that may be empty), or {@code null}
 * @param maximum upper bound for integers (most items for arrays), or {@code null}
 * @param allowedValues closed set of string values, empty when open
 * @param itemType element type of arrays, or {@code null}
 */
public record ToolParameter(
    String name,
    ParameterType type,
    String description,
    boolean required,
    Object defaultValue,
    Long minimum,
    Long maximum,
    List<String> allowedValues,
    ParameterType itemType) {

  public ToolParameter {
    Objects.requireNonNull(name, "'name' must not be null");
    Objects.requireNonNull(type, "'type' must not be null");
    Objects.requireNonNull(description, "'description' must not be null");
    allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    if (minimum != null && maximum != null && minimum > maximum) {
      throw new IllegalArgumentException("minimum above maximum for parameter " + name);
    }
  }

  public static ToolParameter requiredString(String name, String description) {
    return new ToolParameter(name, ParameterType.STRING, description, true, null, null, null, null, null);
  }

  /** A string that must be given but may be empty (its {@code minimum} 0 is the minimum length). */
  public static ToolParameter requiredStringMayBeEmpty(String name, String description) {
    return new ToolParameter(name, ParameterType.STRING, description, true, null, 0L, null, null, null);
  }

  public static ToolParameter optionalString(String name, String description) {
    return new ToolParameter(name, ParameterType.STRING, description, false, null, null, null, null, null);
  }

  public static ToolParameter optionalInteger(
      String name, String description, long defaultValue, long minimum, long maximum) {
    return new ToolParameter(
        name, ParameterType.INTEGER, description, false, defaultValue, minimum, maximum, null, null);
  }

  public static ToolParameter optionalBoolean(String name, String description, boolean defaultValue) {
    return new ToolParameter(
        name, ParameterType.BOOLEAN, description, false, defaultValue, null, null, null, null);
  }

  /** A boolean that is absent unless given (three states: true, false, not given). */
  public static ToolParameter optionalBoolean(String name, String description) {
    return new ToolParameter(name, ParameterType.BOOLEAN, description, false, null, null, null, null, null);
  }

  public static ToolParameter stringArray(String name, String description, boolean required) {
    return new ToolParameter(
        name, ParameterType.ARRAY, description, required, null, null, null, null, ParameterType.STRING);
  }

  public static ToolParameter optionalInteger(String name, String description, long minimum, long maximum) {
    return new ToolParameter(name, ParameterType.INTEGER, description, false, null, minimum, maximum, null, null);
  }

  public static ToolParameter requiredInteger(String name, String description, long minimum, long maximum) {
    return new ToolParameter(name, ParameterType.INTEGER, description, true, null, minimum, maximum, null, null);
  }

  public static ToolParameter optionalObject(String name, String description) {
    return new ToolParameter(name, ParameterType.OBJECT, description, false, null, null, null, null, null);
  }

  public static ToolParameter requiredObject(String name, String description) {
    return new ToolParameter(name, ParameterType.OBJECT, description, true, null, null, null, null, null);
  }

  public static ToolParameter optionalAny(String name, String description) {
    return new ToolParameter(name, ParameterType.ANY, description, false, null, null, null, null, null);
  }

  public static ToolParameter requiredAny(String name, String description) {
    return new ToolParameter(name, ParameterType.ANY, description, true, null, null, null, null, null);
  }

  public static ToolParameter requiredEnum(String name, String description, List<String> values) {
    return new ToolParameter(name, ParameterType.STRING, description, true, null, null, null, values, null);
  }

  /** An array of at most {@code maxItems} strings. */
  public static ToolParameter stringArray(String name, String description, boolean required, long maxItems) {
    return new ToolParameter(
        name, ParameterType.ARRAY, description, required, null, null, maxItems, null, ParameterType.STRING);
  }

  public static ToolParameter optionalEnum(
      String name, String description, String defaultValue, List<String> values) {
    return new ToolParameter(
        name, ParameterType.STRING, description, false, defaultValue, null, null, values, null);
  }
}
