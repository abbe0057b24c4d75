package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import io.cloudnativemcp.application.port.out.ResourceNotFoundException;
import io.cloudnativemcp.domain.cluster.HelmRelease;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Helm releases read from the records Helm 3 keeps in the cluster: Secrets labelled {@code
 * owner=helm} of type {@code helm.sh/release.v1}, one per revision. Revisions are found by their
 * labels and decoded only when needed.
 */
final class HelmStore {
  /** Release records read at most per call (pages of 200). */
  static final int MAX_RECORDS = 5000;

  /** One revision's record: where it is and what its labels say, decoded on demand. */
  record Record(String namespace, String release, int revision, String status, Map<String, Object> secret) {
    HelmRelease decode() {
      Object data = ObjectFields.at(secret, "data", "release");
      if (data == null) {
        throw new ResourceNotFoundException("The record of Helm release " + release + " revision " + revision + " holds no release data.");
      }
      try {
        return HelmRelease.decode(String.valueOf(data));
      } catch (IllegalArgumentException e) {
        throw new io.cloudnativemcp.application.port.out.ClusterRequestException(
            "The record of Helm release " + release + " revision " + revision + " cannot be read: " + e.getMessage());
      }
    }
  }

  private HelmStore() {}

  /** Every revision record, optionally of one release, grouped by namespace/release, revisions ascending. */
  static Map<String, List<Record>> records(ClusterSession session, Optional<String> namespace, Optional<String> release) {
    String selector = "owner=helm" + release.map(r -> ",name=" + r).orElse("");
    Map<String, List<Record>> byRelease = new TreeMap<>();
    String token = null;
    int read = 0;
    do {
      ResourcePage page = session.list(new ListQuery("secrets", namespace, selector, null, 200, token));
      for (Map<String, Object> s : page.items()) {
        if (!HelmRelease.SECRET_TYPE.equals(string(s, "type"))) {
          continue;
        }
        String ns = string(s, "metadata", "namespace");
        String name = string(s, "metadata", "labels", "name");
        Integer version = ObjectFields.integer(s, "metadata", "labels", "version");
        if (name == null || version == null || (release.isPresent() && !release.get().equals(name))) {
          continue;
        }
        byRelease
            .computeIfAbsent(ns + "/" + name, k -> new ArrayList<>())
            .add(new Record(ns, name, version, string(s, "metadata", "labels", "status"), s));
      }
      read += page.items().size();
      token = page.continueToken();
    } while (token != null && read < MAX_RECORDS);
    byRelease.values().forEach(l -> l.sort(Comparator.comparingInt(Record::revision)));
    return byRelease;
  }

  /** The records of one release, revisions ascending. */
  static List<Record> release(ClusterSession session, String namespace, String name) {
    List<Record> records = records(session, Optional.of(namespace), Optional.of(name)).getOrDefault(namespace + "/" + name, List.of());
    if (records.isEmpty()) {
      throw new ResourceNotFoundException("Helm release '" + name + "' not found in namespace '" + namespace + "'.");
    }
    return records;
  }

  /** One revision (the latest when empty) of a release, decoded. */
  static HelmRelease revision(ClusterSession session, String namespace, String name, Optional<Long> revision) {
    List<Record> records = release(session, namespace, name);
    if (revision.isEmpty()) {
      return records.get(records.size() - 1).decode();
    }
    return records.stream()
        .filter(r -> r.revision() == revision.get())
        .findFirst()
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "Helm release '" + name + "' has no revision " + revision.get() + "; revisions: "
                        + records.stream().map(r -> String.valueOf(r.revision())).toList()))
        .decode();
  }

  /** The fields every release row shows. */
  static Map<String, Object> row(HelmRelease r, String namespace) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", r.name());
    row.put("namespace", r.namespace() == null ? namespace : r.namespace());
    row.put("revision", r.revision());
    Texts.putIfPresent(row, "updated", r.lastDeployed() == null ? null : r.lastDeployed().toString());
    row.put("status", r.status());
    row.put("chart", r.chartLabel());
    Texts.putIfPresent(row, "appVersion", r.appVersion());
    Texts.putIfPresent(row, "description", r.description().isEmpty() ? null : r.description());
    return row;
  }

  static Map<String, Object> rowSchema() {
    return Schemas.object(
        List.of("name", "namespace", "revision", "status"),
        "name", Schemas.string("Release name."),
        "namespace", Schemas.string("Namespace."),
        "revision", Schemas.integer("Revision."),
        "updated", Schemas.string("When this revision was deployed."),
        "status", Schemas.string("deployed, failed, pending-install, superseded, …"),
        "chart", Schemas.string("chart-version."),
        "appVersion", Schemas.string("App version."),
        "description", Schemas.string("Helm's description of the last operation."));
  }
}
