package io.cloudnativemcp.application.service;

import io.cloudnativemcp.application.port.in.ListToolsQuery;
import io.cloudnativemcp.application.port.in.ListToolsUseCase;
import io.cloudnativemcp.application.service.tool.ToolCatalog;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;

/** Lists tools: all those the server mode admits, or those one principal may call. */
@Dependent
public class ListToolsService implements ListToolsUseCase {
  private final ToolCatalog catalog;
  private final AccessPolicy policy;

  @Inject
  public ListToolsService(ToolCatalog catalog, AccessPolicy policy) {
    this.catalog = catalog;
    this.policy = policy;
  }

  @Override
  public List<ToolDescriptor> allTools() {
    return catalog.descriptors().stream().filter(policy::modeAdmits).toList();
  }

  @Override
  public List<ToolDescriptor> list(ListToolsQuery query) {
    return catalog.descriptors().stream().filter(t -> policy.canUse(query.principal(), t)).toList();
  }
}
