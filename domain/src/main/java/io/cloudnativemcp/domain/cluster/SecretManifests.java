package io.cloudnativemcp.domain.cluster;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the values of Secrets inside rendered YAML manifests (such as a Helm release's manifest),
 * which text patterns cannot recognise: a base64 value looks like any other string. In every YAML
 * document whose top-level {@code kind} is {@code Secret}, each value under the top-level
 * {@code data} and {@code stringData} keys is replaced by the mask; the keys stay readable.
 */
public final class SecretManifests {
  private static final Pattern DOC_SEPARATOR = Pattern.compile("(?m)^---.*$");
  private static final Pattern KIND_SECRET = Pattern.compile("(?m)^kind:\\s*[\"']?Secret[\"']?\\s*(#.*)?$");
  private static final Pattern TOP_KEY = Pattern.compile("^([A-Za-z_\"'][^:#]*):(.*)$");
  private static final Pattern ENTRY = Pattern.compile("^(\\s+)(-\\s+)?([^:#]+?|\"[^\"]*\"|'[^']*'):(\\s*)(.*)$");

  private SecretManifests() {}

  /** The manifest with every Secret's data values replaced by {@code mask}. */
  public static String mask(String yaml, String mask) {
    if (yaml == null || yaml.isEmpty() || !KIND_SECRET.matcher(yaml).find()) {
      return yaml;
    }
    StringBuilder out = new StringBuilder();
    Matcher m = DOC_SEPARATOR.matcher(yaml);
    int last = 0;
    while (m.find()) {
      out.append(maskDocument(yaml.substring(last, m.start()), mask));
      out.append(m.group());
      last = m.end();
    }
    out.append(maskDocument(yaml.substring(last), mask));
    return out.toString();
  }

  private static String maskDocument(String doc, String mask) {
    if (!KIND_SECRET.matcher(doc).find()) {
      return doc;
    }
    String[] lines = doc.split("\n", -1);
    StringBuilder out = new StringBuilder();
    boolean inData = false;
    int blockIndent = -1; // indentation of a block scalar being masked, -1 when none
    for (int k = 0; k < lines.length; k++) {
      String line = lines[k];
      String result = line;
      boolean topLevel = !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#");
      if (topLevel) {
        inData = false;
        blockIndent = -1;
        Matcher top = TOP_KEY.matcher(line);
        if (top.matches()) {
          String key = top.group(1).replace("\"", "").replace("'", "").strip();
          String rest = top.group(2).strip();
          if (key.equals("data") || key.equals("stringData")) {
            if (rest.isEmpty() || rest.startsWith("#")) {
              inData = true;
            } else if (!rest.equals("{}") && !rest.equals("null")) {
              result = top.group(1) + ": " + quote(mask); // flow style: hide it all
            }
          }
        }
      } else if (inData && !line.isBlank()) {
        int indent = indentOf(line);
        if (blockIndent >= 0 && indent > blockIndent) {
          result = " ".repeat(indent) + mask; // a line of a multi-line value
        } else {
          blockIndent = -1;
          Matcher e = ENTRY.matcher(line);
          if (e.matches()) {
            String value = e.group(5).strip();
            if (value.startsWith("|") || value.startsWith(">")) {
              blockIndent = indent;
              result = e.group(1) + (e.group(2) == null ? "" : e.group(2)) + e.group(3) + ": |-";
            } else if (!value.isEmpty()) {
              result = e.group(1) + (e.group(2) == null ? "" : e.group(2)) + e.group(3) + ": " + quote(mask);
            } else {
              blockIndent = indent; // a value on the following, deeper lines
            }
          } else {
            result = " ".repeat(indent) + mask;
          }
        }
      }
      out.append(result);
      if (k < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static int indentOf(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  private static String quote(String mask) {
    return "\"" + mask.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
