package io.cloudnativemcp.application.port.out;

import java.util.List;
import java.util.Map;

/** Outgoing port that reads manifest text (YAML or JSON, one or more documents) into objects. */
public interface ManifestReader {

  /**
   * @return the documents that are objects, in order (empty documents skipped)
   * @throws IllegalArgumentException naming the problem (and its line) when the text is not a manifest
   */
  List<Map<String, Object>> read(String text);
}
