package io.cloudnativemcp.domain.apikey;

import io.cloudnativemcp.domain.shared.RuleViolationException;
import java.util.List;

/** A key that breaks the strength rule. The message names its source and the rules, never the key. */
public class WeakApiKeyException extends RuleViolationException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<String> brokenRules;

  public WeakApiKeyException(String source, List<String> brokenRules) {
    super(
        "weak_api_key",
        source
            + " is not a strong API key: "
            + String.join("; ", brokenRules)
            + " (rule: at least 16 characters and 3 of upper case, lower case, digit, special)");
    this.source = source;
    this.brokenRules = List.copyOf(brokenRules);
  }

  public String source() {
    return source;
  }

  public List<String> brokenRules() {
    return brokenRules;
  }
}
