package io.cloudnativemcp.application.service.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code kubectl get}-style table: a header and aligned columns separated by two spaces.
 * Empty cells show {@code -} so every row keeps its column count.
 */
public final class TextTable {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  public TextTable row(List<String> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException("a row needs " + headers.size() + " cells");
    }
    List<String> clean = new ArrayList<>(cells.size());
    for (String c : cells) {
      clean.add(c == null || c.isEmpty() ? "-" : c.replace('\n', ' '));
    }
    rows.add(clean);
    return this;
  }

  public int size() {
    return rows.size();
  }

  public String render() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < headers.size(); i++) {
      widths[i] = headers.get(i).length();
    }
    for (List<String> r : rows) {
      for (int i = 0; i < r.size(); i++) {
        widths[i] = Math.max(widths[i], r.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    appendRow(out, headers, widths);
    for (List<String> r : rows) {
      appendRow(out, r, widths);
    }
    return out.toString();
  }

  private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      out.append(c);
      if (i < cells.size() - 1) {
        out.append(" ".repeat(widths[i] - c.length() + 2));
      }
    }
    out.append('\n');
  }
}
