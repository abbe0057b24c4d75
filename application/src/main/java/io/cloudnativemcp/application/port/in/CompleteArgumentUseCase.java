package io.cloudnativemcp.application.port.in;

import java.util.List;

/** Suggestions for prompt arguments: namespaces, kinds and names from the cluster, fixed choices. */
public interface CompleteArgumentUseCase {
  /** At most this many suggestions are returned. */
  int MAX_VALUES = 100;

  /**
   * Suggestions that start with the prefix, sorted; empty when the argument is free text, the
   * caller may not read what would be suggested, or the cluster does not answer.
   *
   * @param query the request
   * @return the suggestions and whether more matched than were returned
   */
  Completions complete(CompleteArgumentQuery query);

  /** The answer: values, and the total that matched. */
  record Completions(List<String> values, int total) {
    public Completions {
      values = List.copyOf(values);
    }

    public static Completions none() {
      return new Completions(List.of(), 0);
    }

    public boolean hasMore() {
      return total > values.size();
    }
  }
}
