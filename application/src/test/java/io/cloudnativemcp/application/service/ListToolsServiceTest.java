package io.cloudnativemcp.application.service;

import static io.cloudnativemcp.domain.principal.PrincipalFixtures.admin;
import static io.cloudnativemcp.domain.principal.PrincipalFixtures.reader;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.port.in.ListToolsQuery;
import io.cloudnativemcp.application.service.tool.ScriptedTool;
import io.cloudnativemcp.application.service.tool.ToolCatalog;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListToolsServiceTest {
  private static final ToolCatalog CATALOG =
      new ToolCatalog(
          List.of(
              ScriptedTool.answering(ToolFixtures.readOnlyTool("test_get"), "ok"),
              ScriptedTool.answering(ToolFixtures.mutatingTool("test_scale"), "ok"),
              ScriptedTool.answering(ToolFixtures.destructiveTool("test_delete"), "ok")));

  private static List<String> names(List<ToolDescriptor> tools) {
    return tools.stream().map(t -> t.name().value()).toList();
  }

  @Test
  void givenUnrestrictedMode_allTools_listsTheWholeCatalogInOrder() {
    ListToolsService service = new ListToolsService(CATALOG, AccessPolicy.defaults(ServerMode.unrestricted()));

    assertThat(names(service.allTools())).containsExactly("test_get", "test_scale", "test_delete");
  }

  @Test
  void givenRestrictiveModes_allTools_hidesWhatTheModeForbids() {
    assertThat(names(new ListToolsService(CATALOG, AccessPolicy.defaults(new ServerMode(true, false))).allTools()))
        .containsExactly("test_get");
    assertThat(names(new ListToolsService(CATALOG, AccessPolicy.defaults(new ServerMode(false, true))).allTools()))
        .containsExactly("test_get", "test_scale");
  }

  @Test
  void givenDefaultPolicy_list_showsEachPrincipalWhatItMayCall() {
    ListToolsService service = new ListToolsService(CATALOG, AccessPolicy.defaults(ServerMode.unrestricted()));

    assertThat(names(service.list(new ListToolsQuery(admin())))).containsExactly("test_get", "test_scale", "test_delete");
    assertThat(names(service.list(new ListToolsQuery(reader())))).containsExactly("test_get");
  }
}
