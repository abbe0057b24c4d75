package io.cloudnativemcp.domain.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what is too sensitive to store or show, and replaces it with the mask value. It is used
 * for audit arguments and for tool outputs, so a secret is hidden the same way everywhere.
 *
 * <p>A value is masked when its field name looks sensitive (password, token, secret, API key,
 * authorization, credential, private key, …), when it is the {@code data}/{@code stringData} of a
 * Kubernetes Secret, when it is the {@code value} of an environment entry whose {@code name} looks
 * sensitive, or when text matches a secret pattern (JWTs, bearer and basic credentials, private key
 * blocks, generated API keys, {@code password=…} pairs).
 */
public final class MaskingPolicy {
  public static final String DEFAULT_MASK = "***REDACTED***";

  /** Fragments of normalised field names (lower case, no {@code -}/{@code _}) that are secret. */
  private static final List<String> BUILT_IN_FIELD_FRAGMENTS =
      List.of(
          "password",
          "passwd",
          "secret",
          "token",
          "apikey",
          "authorization",
          "credential",
          "privatekey",
          "accesskey",
          "cookie",
          "passphrase",
          "clientkey",
          "signingkey");

  /** Normalised field names that contain a fragment above but are not secret (pagination tokens). */
  private static final List<String> NOT_SECRET = List.of("continuetoken", "nextcursor", "nextpagetoken", "resourceversion");

  /** Normalised field names that are secret only as a whole word. */
  private static final List<String> BUILT_IN_FIELD_NAMES = List.of("pwd", "auth", "pass");

  /**
   * A text rule: a pattern and the literals it cannot match without. Looking for the literals
   * first (one {@code indexOf} each) spares the regular expression's scan of text that holds none,
   * which is nearly all tool output; matches are then exactly those of the pattern alone.
   *
   * @param pattern what is masked
   * @param triggers literals of which every match contains one; empty means always scan
   * @param lowerCaseTriggers whether the triggers are compared with the text in lower case
   * @param keepPrefix whether group 1 (a credential's name or scheme) stays readable
   */
  private record TextRule(Pattern pattern, List<String> triggers, boolean lowerCaseTriggers, boolean keepPrefix) {
    boolean mayMatch(String text, String lowerCase) {
      if (triggers.isEmpty()) {
        return true;
      }
      String haystack = lowerCaseTriggers ? lowerCase : text;
      for (String t : triggers) {
        if (haystack.contains(t)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final List<TextRule> BUILT_IN_TEXT_RULES =
      List.of(
          // JSON Web Tokens (header.payload.signature, base64url).
          new TextRule(Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"), List.of("eyJ"), false, false),
          // PEM private keys.
          new TextRule(
              Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"),
              List.of("-----BEGIN "),
              false,
              false),
          // Keys this server generates.
          new TextRule(Pattern.compile("cnm_[A-Za-z0-9]{40}"), List.of("cnm_"), false, false),
          // AWS access key ids.
          new TextRule(Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), List.of("AKIA", "ASIA"), false, false),
          // Credentials after a scheme or a name: the name stays readable, the value is masked.
          new TextRule(
              Pattern.compile("(?i)(\\b(?:bearer|basic)\\s+)([A-Za-z0-9._~+/=-]{8,})"), List.of("bearer", "basic"), true, true),
          new TextRule(
              Pattern.compile(
                  "(?i)(\\b(?:password|passwd|pwd|secret|token|api[_-]?key|x-api-key|access[_-]?key)"
                      + "\\b\"?\\s*[=:]\\s*\"?)([^\\s\"',;&]{3,})"),
              List.of("password", "passwd", "pwd", "secret", "token", "api", "access"),
              true,
              true));

  /** Field names seen so far and whether they are sensitive; field names repeat across objects. */
  private static final int FIELD_CACHE_LIMIT = 10_000;

  private final boolean enabled;
  private final String maskValue;
  private final List<String> extraFieldNames;
  private final List<Pattern> extraValuePatterns;
  private final Map<String, Boolean> sensitiveFields = new ConcurrentHashMap<>();

  private MaskingPolicy(
      boolean enabled,
      String maskValue,
      List<String> extraFieldNames,
      List<Pattern> extraValuePatterns) {
    this.enabled = enabled;
    this.maskValue = Objects.requireNonNull(maskValue, "'maskValue' must not be null");
    this.extraFieldNames = List.copyOf(extraFieldNames);
    this.extraValuePatterns = List.copyOf(extraValuePatterns);
  }

  /** The built-in rules with the seed guide's mask value. */
  public static MaskingPolicy defaults() {
    return new MaskingPolicy(true, DEFAULT_MASK, List.of(), List.of());
  }

  /**
   * A configured policy.
   *
   * @param enabled {@code false} stores values unmasked (audit only; tool outputs are always masked)
   * @param maskValue the replacement text
   * @param extraFieldNames further sensitive field names (compared normalised)
   * @param extraValuePatterns further regular expressions whose matches are masked
   * @throws IllegalArgumentException when a pattern is not a valid regular expression
   */
  public static MaskingPolicy of(
      boolean enabled,
      String maskValue,
      Collection<String> extraFieldNames,
      Collection<String> extraValuePatterns) {
    if (maskValue == null || maskValue.isEmpty()) {
      throw new IllegalArgumentException("the mask value must not be empty");
    }
    List<String> names = new ArrayList<>();
    for (String n : extraFieldNames) {
      names.add(normalise(n));
    }
    List<Pattern> patterns = new ArrayList<>();
    for (String p : extraValuePatterns) {
      patterns.add(Pattern.compile(p));
    }
    return new MaskingPolicy(enabled, maskValue, names, patterns);
  }

  /** The same rules, always applied (for tool outputs, which must never carry secrets). */
  public MaskingPolicy alwaysEnabled() {
    return enabled ? this : new MaskingPolicy(true, maskValue, extraFieldNames, extraValuePatterns);
  }

  public boolean enabled() {
    return enabled;
  }

  public String maskValue() {
    return maskValue;
  }

  /** Returns a masked deep copy of a JSON-like map (maps, lists, strings, numbers, booleans). */
  public Map<String, Object> mask(Map<String, ?> values) {
    if (values == null) {
      return Map.of();
    }
    if (!enabled) {
      return immutableCopy(values);
    }
    return maskMap(values);
  }

  /** Masks secrets inside free text (log lines, messages, rendered YAML). */
  public String maskText(String text) {
    if (!enabled || text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    String lowerCase = text.toLowerCase(Locale.ROOT);
    String mask = Matcher.quoteReplacement(maskValue);
    // Value patterns first, then the operator's own, then name=value pairs (as before the prefilter).
    for (TextRule r : BUILT_IN_TEXT_RULES) {
      if (!r.keepPrefix() && r.mayMatch(result, lowerCase)) {
        result = r.pattern().matcher(result).replaceAll(mask);
      }
    }
    for (Pattern p : extraValuePatterns) {
      result = p.matcher(result).replaceAll(mask);
    }
    if (result != text) {
      lowerCase = result.toLowerCase(Locale.ROOT);
    }
    for (TextRule r : BUILT_IN_TEXT_RULES) {
      if (r.keepPrefix() && r.mayMatch(result, lowerCase)) {
        result = r.pattern().matcher(result).replaceAll("$1" + mask);
      }
    }
    return result;
  }

  /** Whether a field of this name holds a secret. */
  public boolean isSensitiveField(String fieldName) {
    if (fieldName == null) {
      return false;
    }
    Boolean known = sensitiveFields.get(fieldName);
    if (known != null) {
      return known;
    }
    boolean sensitive = decideSensitive(fieldName);
    if (sensitiveFields.size() < FIELD_CACHE_LIMIT) {
      sensitiveFields.put(fieldName, sensitive);
    }
    return sensitive;
  }

  private boolean decideSensitive(String fieldName) {
    String n = normalise(fieldName);
    if (NOT_SECRET.contains(n)) {
      return false;
    }
    if (BUILT_IN_FIELD_NAMES.contains(n) || extraFieldNames.contains(n)) {
      return true;
    }
    for (String fragment : BUILT_IN_FIELD_FRAGMENTS) {
      if (n.contains(fragment)) {
        return true;
      }
    }
    return false;
  }

  private Map<String, Object> maskMap(Map<String, ?> values) {
    boolean isSecret = "Secret".equals(values.get("kind"));
    Object envName = values.get("name");
    boolean sensitiveEnvEntry =
        envName instanceof String s && values.containsKey("value") && isSensitiveField(s);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : values.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      if (value == null) {
        out.put(key, null);
      } else if (isSensitiveField(key)
          || (isSecret && (key.equals("data") || key.equals("stringData")))) {
        out.put(key, maskWhole(value));
      } else if (sensitiveEnvEntry && key.equals("value")) {
        out.put(key, maskValue);
      } else {
        out.put(key, maskAny(value));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** A secret field keeps its shape (keys of a Secret's data stay visible), values are masked. */
  private Object maskWhole(Object value) {
    if (value instanceof Boolean) {
      return value; // a flag such as automountServiceAccountToken reveals nothing
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), maskValue));
      return Collections.unmodifiableMap(out);
    }
    return maskValue;
  }

  @SuppressWarnings("unchecked")
  private Object maskAny(Object value) {
    if (value instanceof Map<?, ?> m) {
      return maskMap((Map<String, ?>) m);
    }
    if (value instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      for (Object item : c) {
        out.add(item == null ? null : maskAny(item));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof String s) {
      return maskText(s);
    }
    return value;
  }

  private static String normalise(String fieldName) {
    return fieldName.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
  }

  /** A deep, unmodifiable copy of a JSON-like map that, unlike {@link Map#copyOf}, keeps nulls. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> immutableCopy(Map<String, ?> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : values.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Map<?, ?> m) {
        v = immutableCopy((Map<String, ?>) m);
      } else if (v instanceof Collection<?> c) {
        v = Collections.unmodifiableList(new ArrayList<>(c));
      }
      out.put(e.getKey(), v);
    }
    return Collections.unmodifiableMap(out);
  }
}
