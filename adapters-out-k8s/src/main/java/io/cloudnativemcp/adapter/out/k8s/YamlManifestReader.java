package io.cloudnativemcp.adapter.out.k8s;

import io.cloudnativemcp.application.port.out.ManifestReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads manifests with SnakeYAML's safe constructor (plain maps, lists and scalars only, no types
 * named by the document), bounded against alias bombs and huge documents.
 */
@ApplicationScoped
public class YamlManifestReader implements ManifestReader {
  static final int MAX_CHARS = 1024 * 1024;

  @Override
  public List<Map<String, Object>> read(String text) {
    if (text.length() > MAX_CHARS) {
      throw new IllegalArgumentException("the manifest is longer than " + MAX_CHARS + " characters");
    }
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20); // manifests seldom use aliases; bombs use many
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit(MAX_CHARS);
    options.setNestingDepthLimit(100);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    List<Map<String, Object>> docs = new ArrayList<>();
    try {
      for (Object doc : yaml.loadAll(text)) {
        if (doc == null) {
          continue;
        }
        if (!(doc instanceof Map<?, ?> m)) {
          throw new IllegalArgumentException("a document is not an object (got " + doc.getClass().getSimpleName() + ")");
        }
        docs.add(normalise(m));
      }
    } catch (MarkedYAMLException e) {
      throw new IllegalArgumentException(
          e.getProblem() + (e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 1)), e);
    } catch (YAMLException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return docs;
  }

  /** JSON-like values: string keys, {@code Long} integers, ISO strings for timestamps. */
  private static Map<String, Object> normalise(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), value(v)));
    return out;
  }

  private static Object value(Object v) {
    if (v instanceof Map<?, ?> m) {
      return normalise(m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(i -> out.add(value(i)));
      return out;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof java.math.BigInteger b) {
      return b.bitLength() < 64 ? b.longValue() : b.toString();
    }
    if (v instanceof java.util.Date d) {
      return d.toInstant().toString();
    }
    if (v instanceof byte[] bytes) {
      return java.util.Base64.getEncoder().encodeToString(bytes);
    }
    return v;
  }
}
