package io.cloudnativemcp.domain.prompt;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt's descriptor and its text, with {@code {{argument}}} placeholders. Values are inserted
 * on one line and bounded, so an argument cannot restructure the prompt around it; an argument
 * that was not given reads {@code <argument>} (or the template's own wording where it has one).
 *
 * @param descriptor the prompt as listed
 * @param text the message text with placeholders
 */
public record PromptTemplate(PromptDescriptor descriptor, String text) {
  /** Longest inserted value; longer ones are cut with an ellipsis. */
  public static final int MAX_VALUE_CHARS = 300;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

  public PromptTemplate {
    Objects.requireNonNull(descriptor, "'descriptor' must not be null");
    Objects.requireNonNull(text, "'text' must not be null");
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (descriptor.argument(m.group(1)).isEmpty()) {
        throw new IllegalArgumentException("placeholder {{" + m.group(1) + "}} is not an argument of " + descriptor.name());
      }
    }
  }

  /**
   * Fills in the arguments.
   *
   * @throws PromptArgumentsException when a required argument is missing, an unknown one is given
   *     or a choice is not one of its choices
   */
  public RenderedPrompt render(Map<String, String> arguments) {
    var problems = descriptor.problems(arguments);
    if (!problems.isEmpty()) {
      throw new PromptArgumentsException(descriptor.name(), problems);
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = arguments.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? "<" + m.group(1) + ">" : oneLine(value)));
    }
    m.appendTail(out);
    return new RenderedPrompt(descriptor.title(), List.of(out.toString()));
  }

  private static String oneLine(String value) {
    String flat = value.replaceAll("\\s+", " ").strip();
    return flat.length() <= MAX_VALUE_CHARS ? flat : flat.substring(0, MAX_VALUE_CHARS) + "…";
  }
}
