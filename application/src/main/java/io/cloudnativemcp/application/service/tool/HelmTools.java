package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.service.render.TextTable;
import io.cloudnativemcp.application.service.render.YamlWriter;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.HelmRelease;
import io.cloudnativemcp.domain.cluster.SecretManifests;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Helm tools: releases read from their records in the cluster, no Helm binary. */
final class HelmTools {
  static final String NO_BINARY = " Read from the release records Helm keeps in the cluster; no Helm binary or repository is used.";

  private HelmTools() {}

  static List<Tool> all(Cluster cluster, MaskingPolicy masking) {
    return List.of(
        new ListReleases(cluster),
        new GetRelease(cluster, masking),
        new GetStatus(cluster),
        new GetValues(cluster, masking),
        new GetManifest(cluster, masking),
        new GetHistory(cluster),
        new FindBroken(cluster));
  }

  private static ToolParameter releaseName() {
    return ToolParameter.requiredString("name", "Release name.");
  }

  private static ToolParameter releaseNamespace() {
    return Parameters.requiredNamespace("Namespace of the release.");
  }

  private static ToolParameter revision() {
    return ToolParameter.optionalInteger("revision", "A revision number; the latest when omitted.", 1, Integer.MAX_VALUE);
  }

  private static String table(List<Map<String, Object>> rows) {
    TextTable t = new TextTable(List.of("NAME", "NAMESPACE", "REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION"));
    for (Map<String, Object> r : rows) {
      Texts.row(t, (String) r.get("name"), (String) r.get("namespace"), String.valueOf(r.get("revision")), (String) r.get("updated"),
          (String) r.get("status"), (String) r.get("chart"), (String) r.get("appVersion"));
    }
    return t.render();
  }

  /** helm list. */
  static final class ListReleases implements Tool {
    private static final ToolDescriptor DESCRIPTOR =
        Specs.readOnly(
            "helm_list_releases",
            "Helm releases",
            "List Helm releases like helm list: name, namespace, revision, updated, status, chart and"
                + " app version of each release's latest revision. In one namespace (default: default)"
                + " or allNamespaces; status filters by the latest status (deployed, failed,"
                + " pending-install, pending-upgrade, pending-rollback, superseded, uninstalling)." + NO_BINARY,
            Schemas.result(List.of("items", "count"), "items", Schemas.array(HelmStore.rowSchema(), "Releases."), "count", Schemas.integer("Releases returned.")),
            Parameters.namespace("Namespace of the releases (default: default)."),
            ToolParameter.optionalBoolean("allNamespaces", "List releases of every namespace.", false),
            ToolParameter.optionalString("status", "Only releases whose latest revision has this status."));

    private final Cluster cluster;

    ListReleases(Cluster cluster) {
      this.cluster = cluster;
    }

    @Override
    public ToolDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public Optional<String> namespace(ToolArguments args) {
      return args.flag("allNamespaces") ? Optional.empty() : Optional.of(Tool.super.namespace(args).orElse(ClusterSession.DEFAULT_NAMESPACE));
    }

    @Override
    public ToolResult call(ToolArguments args, ToolCall call) {
      ClusterSession session = cluster.session(args, call);
      Optional<String> status = args.string("status");
      List<Map<String, Object>> rows = new ArrayList<>();
      for (List<HelmStore.Record> records : HelmStore.records(session, namespace(args), Optional.empty()).values()) {
        HelmStore.Record latest = records.get(records.size() - 1);
        HelmRelease r = latest.decode();
        if (status.isPresent() && !status.get().equalsIgnoreCase(r.status())) {
          continue;
        }
        rows.add(HelmStore.row(r, latest.namespace()));
      }
      Map<String, Object> structured = new LinkedHashMap<>();
      structured.put("items", rows);
      structured.put("count", rows.size());
      String where = namespace(args).map(ns -> " in namespace " + ns).orElse("");
      String text = rows.isEmpty() ? "No Helm releases found" + where + status.map(s -> " with status " + s).orElse("") + ".\n" : table(rows);
      return new ToolResult(text, structured);
    }
  }

  /** helm get all (summary and user values). */
  static final class GetRelease implements Tool {
    private static final ToolDescriptor DESCRIPTOR =
        Specs.readOnly(
            "helm_get_release",
            "Helm release",
            "One Helm release: chart, versions, status, revision, deploy times, description, notes"
                + " and the values the user supplied (credentials masked)." + NO_BINARY,
            Schemas.result(
                List.of("name", "namespace", "revision", "status"),
                "name", Schemas.string("Release name."),
                "namespace", Schemas.string("Namespace."),
                "revision", Schemas.integer("Revision."),
                "status", Schemas.string("Status."),
                "chart", Schemas.string("chart-version."),
                "appVersion", Schemas.string("App version."),
                "firstDeployed", Schemas.string("First installed."),
                "lastDeployed", Schemas.string("This revision deployed."),
                "description", Schemas.string("Last operation."),
                "notes", Schemas.string("Rendered NOTES.txt."),
                "values", Schemas.anyObject("User-supplied values, credentials masked.")),
            releaseName(),
            releaseNamespace(),
            revision());

    private final Cluster cluster;
    private final MaskingPolicy masking;

    GetRelease(Cluster cluster, MaskingPolicy masking) {
      this.cluster = cluster;
      this.masking = masking;
    }

    @Override
    public ToolDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public ToolResult call(ToolArguments args, ToolCall call) {
      HelmRelease r = HelmStore.revision(cluster.session(args, call), args.requiredString("namespace"), args.requiredString("name"), args.integer("revision"));
      Map<String, Object> values = masking.mask(r.userValues());
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", r.name());
      s.put("namespace", args.requiredString("namespace"));
      s.put("revision", r.revision());
      s.put("status", r.status());
      s.put("chart", r.chartLabel());
      Texts.putIfPresent(s, "appVersion", r.appVersion());
      Texts.putIfPresent(s, "firstDeployed", r.firstDeployed() == null ? null : r.firstDeployed().toString());
      Texts.putIfPresent(s, "lastDeployed", r.lastDeployed() == null ? null : r.lastDeployed().toString());
      s.put("description", r.description());
      s.put("notes", r.notes().length() > 4000 ? r.notes().substring(0, 4000) + "…" : r.notes());
      s.put("values", values);
      StringBuilder text = new StringBuilder();
      text.append("NAME: ").append(r.name()).append('\n')
          .append("NAMESPACE: ").append(s.get("namespace")).append('\n')
          .append("CHART: ").append(r.chartLabel()).append(r.appVersion() == null ? "" : " (app " + r.appVersion() + ")").append('\n')
          .append("STATUS: ").append(r.status()).append('\n')
          .append("REVISION: ").append(r.revision()).append('\n')
          .append("LAST DEPLOYED: ").append(s.getOrDefault("lastDeployed", "-")).append('\n')
          .append("DESCRIPTION: ").append(r.description()).append('\n');
      text.append("USER-SUPPLIED VALUES:\n").append(values.isEmpty() ? "{}\n" : YamlWriter.write(values));
      if (!r.notes().isBlank()) {
        text.append("NOTES:\n").append(s.get("notes")).append(((String) s.get("notes")).endsWith("\n") ? "" : "\n");
      }
      return new ToolResult(text.toString(), s);
    }
  }

  /** helm status. */
  static final class GetStatus implements Tool {
    private static final ToolDescriptor DESCRIPTOR =
        Specs.readOnly(
            "helm_get_release_status",
            "Helm release status",
            "The status of a Helm release's latest revision, like helm status: status, revision,"
                + " last deployed, description, and whether it is broken (failed or stuck pending)." + NO_BINARY,
            Schemas.result(
                List.of("name", "namespace", "revision", "status", "broken"),
                "name", Schemas.string("Release name."),
                "namespace", Schemas.string("Namespace."),
                "revision", Schemas.integer("Revision."),
                "status", Schemas.string("Status."),
                "broken", Schemas.bool("Whether it is failed or stuck in a pending operation."),
                "lastDeployed", Schemas.string("When deployed."),
                "description", Schemas.string("Last operation."),
                "chart", Schemas.string("chart-version.")),
            releaseName(),
            releaseNamespace());

    private final Cluster cluster;

    GetStatus(Cluster cluster) {
      this.cluster = cluster;
    }

    @Override
    public ToolDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public ToolResult call(ToolArguments args, ToolCall call) {
      HelmRelease r = HelmStore.revision(cluster.session(args, call), args.requiredString("namespace"), args.requiredString("name"), Optional.empty());
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", r.name());
      s.put("namespace", args.requiredString("namespace"));
      s.put("revision", r.revision());
      s.put("status", r.status());
      s.put("broken", r.broken());
      Texts.putIfPresent(s, "lastDeployed", r.lastDeployed() == null ? null : r.lastDeployed().toString());
      s.put("description", r.description());
      s.put("chart", r.chartLabel());
      String text = "Release " + r.name() + " in " + s.get("namespace") + ": " + r.status() + " (revision " + r.revision() + ", "
          + r.chartLabel() + ")" + (r.broken() ? " — BROKEN" : "") + "\nlast deployed: " + s.getOrDefault("lastDeployed", "-")
          + "\ndescription: " + r.description() + "\n";
      return new ToolResult(text, s);
    }
  }

  /** helm get values. */
  static final class GetValues implements Tool {
    private static final ToolDescriptor DESCRIPTOR =
        Specs.readOnly(
            "helm_get_release_values",
            "Helm release values",
            "The values of a Helm release as YAML, like helm get values: the user-supplied values, or"
                + " with all=true the chart's defaults merged with them. Credentials are masked." + NO_BINARY,
            Schemas.result(
                List.of("name", "revision", "values"),
                "name", Schemas.string("Release name."),
                "revision", Schemas.integer("Revision."),
                "all", Schemas.bool("Whether chart defaults are included."),
                "values", Schemas.anyObject("The values, credentials masked.")),
            releaseName(),
            releaseNamespace(),
            ToolParameter.optionalBoolean("all", "Merge the chart's default values with the user-supplied ones.", false),
            revision());

    private final Cluster cluster;
    private final MaskingPolicy masking;

    GetValues(Cluster cluster, MaskingPolicy masking) {
      this.cluster = cluster;
      this.masking = masking;
    }

    @Override
    public ToolDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public ToolResult call(ToolArguments args, ToolCall call) {
      HelmRelease r = HelmStore.revision(cluster.session(args, call), args.requiredString("namespace"), args.requiredString("name"), args.integer("revision"));
      boolean all = args.flag("all");
      Map<String, Object> values = masking.mask(all ? merge(r.chartValues(), r.userValues()) : r.userValues());
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", r.name());
      s.put("revision", r.revision());
      s.put("all", all);
      s.put("values", values);
      String text = (all ? "COMPUTED VALUES" : "USER-SUPPLIED VALUES") + " (revision " + r.revision() + "):\n"
          + (values.isEmpty() ? "{}\n" : YamlWriter.write(values));
      return new ToolResult(text, s);
    }

    /** Helm's coalescing: user values override chart defaults, maps merge recursively. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> defaults, Map<String, Object> overrides) {
      Map<String, Object> out = new LinkedHashMap<>(defaults);
      for (Map.Entry<String, Object> e : overrides.entrySet()) {
        Object base = out.get(e.getKey());
        if (base instanceof Map<?, ?> b && e.getValue() instanceof Map<?, ?> o) {
          out.put(e.getKey(), merge((Map<String, Object>) b, (Map<String, Object>) o));
        } else if (e.getValue() == null) {
          out.remove(e.getKey()); // null deletes a default, as in Helm
        } else {
          out.put(e.getKey(), e.getValue());
        }
      }
      return out;
    }
  }

  /** helm get manifest. */
  static final class GetManifest implements Tool {
    private static final ToolDescriptor DESCRIPTOR =
        Specs.readOnly(
            "helm_get_release_manifest",
            "Helm release manifest",
            "The manifest a Helm release rendered and applied, as YAML documents, like helm get"
                + " manifest. The data of Secrets in it and other credentials are masked." + NO_BINARY,
            Schemas.result(
                List.of("name", "revision", "documents"),
                "name", Schemas.string("Release name."),
                "revision", Schemas.integer("Revision."),
                "documents", Schemas.integer("YAML documents in the manifest.")),
            releaseName(),
            releaseNamespace(),
            revision());

    private final Cluster cluster;
    private final MaskingPolicy masking;

    GetManifest(Cluster cluster, MaskingPolicy masking) {
      this.cluster = cluster;
      this.masking = masking;
    }

    @Override
    public ToolDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public ToolResult call(ToolArguments args, ToolCall call) {
      HelmRelease r = HelmStore.revision(cluster.session(args, call), args.requiredString("namespace"), args.requiredString("name"), args.integer("revision"));
      String manifest = masking.maskText(SecretManifests.mask(r.manifest(), masking.maskValue()));
      long documents = manifest.lines().filter(l -> l.startsWith("kind:")).count();
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", r.name());
      s.put("revision", r.revision());
      s.put("documents", documents);
      return new ToolResult(manifest.isBlank() ? "(the release has an empty manifest)\n" : manifest + (manifest.endsWith("\n") ? "" : "\n"), s);
    }
  }

  /** helm history. */
  static final class GetHistory implements Tool {
    private static final ToolDescriptor DESCRIPTOR =
        Specs.readOnly(
            "helm_get_release_history",
            "Helm release history",
            "The revisions of a Helm release, newest last, like helm history: revision, updated,"
                + " status, chart, app version and description." + NO_BINARY,
            Schemas.result(List.of("items", "count"), "items", Schemas.array(HelmStore.rowSchema(), "Revisions, oldest first."), "count", Schemas.integer("Revisions returned."), "total", Schemas.integer("Revisions recorded.")),
            releaseName(),
            releaseNamespace(),
            ToolParameter.optionalInteger("max", "At most this many of the latest revisions (default 10).", 10, 1, 256));

    private final Cluster cluster;

    GetHistory(Cluster cluster) {
      this.cluster = cluster;
    }

    @Override
    public ToolDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public ToolResult call(ToolArguments args, ToolCall call) {
      List<HelmStore.Record> records = HelmStore.release(cluster.session(args, call), args.requiredString("namespace"), args.requiredString("name"));
      int max = args.intValue("max", 10);
      List<HelmStore.Record> latest = records.subList(Math.max(0, records.size() - max), records.size());
      List<Map<String, Object>> rows = new ArrayList<>();
      TextTable t = new TextTable(List.of("REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION", "DESCRIPTION"));
      for (HelmStore.Record rec : latest) {
        Map<String, Object> row = HelmStore.row(rec.decode(), rec.namespace());
        rows.add(row);
        Texts.row(t, String.valueOf(row.get("revision")), (String) row.get("updated"), (String) row.get("status"), (String) row.get("chart"),
            (String) row.get("appVersion"), Texts.oneLine((String) row.get("description"), 120));
      }
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("items", rows);
      s.put("count", rows.size());
      s.put("total", records.size());
      String text = t.render() + (records.size() > latest.size() ? latest.size() + " of " + records.size() + " revisions shown (max).\n" : "");
      return new ToolResult(text, s);
    }
  }

  /** Failed and stuck releases. */
  static final class FindBroken implements Tool {
    private static final ToolDescriptor DESCRIPTOR =
        Specs.readOnly(
            "helm_find_broken_releases",
            "Broken Helm releases",
            "Helm releases whose latest revision failed or is stuck in a pending install, upgrade or"
                + " rollback, with Helm's description of what happened; in one namespace or all." + NO_BINARY,
            Schemas.result(List.of("items", "count"), "items", Schemas.array(HelmStore.rowSchema(), "Broken releases."), "count", Schemas.integer("Broken releases."), "scanned", Schemas.integer("Releases looked at.")),
            Parameters.namespace("Namespace; omit for all namespaces."));

    private final Cluster cluster;

    FindBroken(Cluster cluster) {
      this.cluster = cluster;
    }

    @Override
    public ToolDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public ToolResult call(ToolArguments args, ToolCall call) {
      Map<String, List<HelmStore.Record>> releases = HelmStore.records(cluster.session(args, call), namespace(args), Optional.empty());
      List<Map<String, Object>> rows = new ArrayList<>();
      for (List<HelmStore.Record> records : releases.values()) {
        HelmStore.Record latest = records.get(records.size() - 1);
        String status = latest.status() == null ? "" : latest.status();
        // The status label tells most; decode only what may be broken.
        if (status.equals("deployed") || status.equals("superseded") || status.equals("uninstalled")) {
          continue;
        }
        HelmRelease r = latest.decode();
        if (r.broken()) {
          rows.add(HelmStore.row(r, latest.namespace()));
        }
      }
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("items", rows);
      s.put("count", rows.size());
      s.put("scanned", releases.size());
      StringBuilder text = new StringBuilder();
      if (rows.isEmpty()) {
        text.append("No broken Helm releases among ").append(releases.size()).append(" release(s).\n");
      } else {
        text.append(rows.size()).append(" broken release(s) among ").append(releases.size()).append(":\n").append(table(rows));
        for (Map<String, Object> r : rows) {
          text.append("- ").append(r.get("namespace")).append('/').append(r.get("name")).append(": ").append(r.getOrDefault("description", "")).append('\n');
        }
      }
      return new ToolResult(text.toString(), s);
    }
  }
}
