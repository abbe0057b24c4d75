package io.cloudnativemcp.application.settings;

/**
 * Bounds on what one tool result may contain, so it fits an assistant's context.
 *
 * @param maxBytes upper bound of one result's text in UTF-8 bytes ({@code output.maxBytes})
 */
public record OutputLimits(int maxBytes) {
  public static final int DEFAULT_MAX_BYTES = 100 * 1024;

  public OutputLimits {
    if (maxBytes < 1024) {
      throw new IllegalArgumentException("output.maxBytes must be at least 1024");
    }
  }

  public static OutputLimits defaults() {
    return new OutputLimits(DEFAULT_MAX_BYTES);
  }
}
