package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.audit.MaskingPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How objects are shown: without what only machines read (managed fields, the last-applied copy),
 * optionally without status, and always with Secret values and credentials masked. Masking happens
 * here, on the structure, before any rendering: a base64 value rendered into YAML or selected by
 * JSONPath could not be recognised by text patterns afterwards.
 */
final class Shown {
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private Shown() {}

  static Map<String, Object> object(Map<String, Object> object, MaskingPolicy masking) {
    return masking.mask(withoutNoise(object));
  }

  static Map<String, Object> object(Map<String, Object> object, MaskingPolicy masking, boolean includeStatus) {
    Map<String, Object> shown = new LinkedHashMap<>(withoutNoise(object));
    if (!includeStatus) {
      shown.remove("status");
    }
    return masking.mask(shown);
  }

  private static final java.util.regex.Pattern ASSIGNMENT =
      java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)(\\s*[=:]\\s*)(\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s,;&\"']+)");

  /**
   * Free text (logs, command output) with credentials masked: the policy's patterns, and the value
   * of every {@code NAME=value} or {@code name: value} whose name looks sensitive, such as {@code
   * DB_PASSWORD=...} in the output of {@code env}.
   */
  static String text(String text, MaskingPolicy masking) {
    String masked = masking.maskText(text);
    if (masked == null || masked.isEmpty()) {
      return masked;
    }
    java.util.regex.Matcher m = ASSIGNMENT.matcher(masked);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement =
          masking.isSensitiveField(m.group(1))
                  && !m.group(3).contains(masking.maskValue())
                  && !m.group(3).equalsIgnoreCase("bearer")
                  && !m.group(3).equalsIgnoreCase("basic")
              ? m.group(1) + m.group(2) + masking.maskValue()
              : m.group();
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Drops managed fields and the last-applied annotation (which would repeat the object, secrets included). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> withoutNoise(Map<String, Object> object) {
    Map<String, Object> copy = new LinkedHashMap<>(object);
    if (copy.get("metadata") instanceof Map<?, ?> meta) {
      Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) meta);
      metadata.remove("managedFields");
      if (metadata.get("annotations") instanceof Map<?, ?> ann && ann.containsKey(LAST_APPLIED)) {
        Map<String, Object> annotations = new LinkedHashMap<>((Map<String, Object>) ann);
        annotations.remove(LAST_APPLIED);
        if (annotations.isEmpty()) {
          metadata.remove("annotations");
        } else {
          metadata.put("annotations", annotations);
        }
      }
      copy.put("metadata", metadata);
    }
    return copy;
  }
}
