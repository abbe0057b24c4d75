package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import io.cloudnativemcp.application.port.out.ResourceNotFoundException;
import io.cloudnativemcp.application.service.render.TextTable;
import io.cloudnativemcp.domain.cluster.Ages;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code openshift_list_projects}: the OpenShift projects the caller can see. */
final class ListProjectsTool implements Tool {
  static final String GROUP = "project.openshift.io";

  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "openshift_list_projects",
          "OpenShift projects",
          "The OpenShift projects the identity can see (projects are namespaces with access"
              + " filtering): name, display name, status and age, paginated. On a cluster without"
              + " the project.openshift.io API it says so; use kubernetes_list_resources_summary"
              + " kind=namespaces there.",
          Schemas.page(
              Schemas.object(
                  List.of("name"),
                  "name", Schemas.string("Project name."),
                  "displayName", Schemas.string("openshift.io/display-name."),
                  "status", Schemas.string("Active or Terminating."),
                  "age", Schemas.string("Age."))),
          Parameters.labelSelector(),
          Parameters.limit("projects in this page", 100, 500),
          Parameters.continueToken());

  private final Cluster cluster;
  private final Clock clock;

  ListProjectsTool(Cluster cluster, Clock clock) {
    this.cluster = cluster;
    this.clock = clock;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Optional<String> namespace(ToolArguments arguments) {
    return Optional.empty();
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    ClusterSession session = cluster.session(args, call);
    if (!session.servesGroup(GROUP)) {
      throw new ResourceNotFoundException(
          "This cluster serves no OpenShift projects API (" + GROUP + "): it is not OpenShift. List namespaces with"
              + " kubernetes_list_resources_summary kind=namespaces instead.");
    }
    ResourcePage page =
        session.list(
            new ListQuery(
                "projects." + GROUP, Optional.empty(), args.string("labelSelector").orElse(null), null,
                args.intValue("limit", 100), args.string("continueToken").orElse(null)));
    Instant now = clock.instant();
    TextTable table = new TextTable(List.of("NAME", "DISPLAY NAME", "STATUS", "AGE"));
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map<String, Object> p : page.items()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("name", String.valueOf(string(p, "metadata", "name")));
      Texts.putIfPresent(item, "displayName", string(p, "metadata", "annotations", "openshift.io/display-name"));
      Texts.putIfPresent(item, "status", string(p, "status", "phase"));
      Texts.putIfPresent(item, "age", Ages.between(ObjectFields.instant(p, "metadata", "creationTimestamp"), now));
      items.add(item);
      Texts.row(table, (String) item.get("name"), (String) item.get("displayName"), (String) item.get("status"), (String) item.get("age"));
    }
    String text = (items.isEmpty() ? "No projects visible.\n" : table.render()) + Texts.footer(page, items.size());
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("kind", page.kind());
    structured.put("items", items);
    Texts.pageFields(structured, page, items.size());
    return new ToolResult(text, structured);
  }
}
