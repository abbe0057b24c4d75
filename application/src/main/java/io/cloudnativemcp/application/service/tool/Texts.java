package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.service.render.TextTable;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** Small text helpers the tools share. */
final class Texts {
  private Texts() {}

  static String nz(Object s) {
    return s == null ? "-" : String.valueOf(s);
  }

  /** One line, at most {@code max} characters, with an ellipsis when cut. */
  static String oneLine(String s, int max) {
    if (s == null) {
      return null;
    }
    String one = s.replace('\n', ' ').replace('\r', ' ').trim();
    return one.length() <= max ? one : one.substring(0, max) + "…";
  }

  static void row(TextTable table, String... cells) {
    table.row(Arrays.asList(cells));
  }

  /** {@code ns/name} or {@code name}. */
  static String qualified(String namespace, String name) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** The last line of a paginated listing: how many, whether more, and the token to continue. */
  static String footer(ResourcePage page, int count) {
    StringBuilder f = new StringBuilder("count: ").append(count).append(", hasMore: ").append(page.hasMore());
    if (page.remainingItemCount() != null) {
      f.append(", remaining: ").append(page.remainingItemCount());
    }
    if (page.hasMore()) {
      f.append("\ncontinueToken: ").append(page.continueToken());
    }
    return f.append('\n').toString();
  }

  /** The pagination fields of a structured page. */
  static void pageFields(Map<String, Object> out, ResourcePage page, int count) {
    out.put("count", count);
    out.put("hasMore", page.hasMore());
    putIfPresent(out, "continueToken", page.continueToken());
    putIfPresent(out, "remainingItemCount", page.remainingItemCount());
  }

  static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
