package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.port.out.ClusterGateway;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every tool the server offers, by name. */
@ApplicationScoped
public class ToolCatalog {
  private List<Tool> order;
  private Map<String, Tool> tools;

  /** For CDI's client proxy only. */
  protected ToolCatalog() {}

  @Inject
  public ToolCatalog(ClusterGateway cluster, MaskingPolicy masking, OutputLimits limits, Clock clock) {
    this(
        List.of(
            new ListResourcesSummaryTool(cluster, clock),
            new GetResourceTool(cluster, masking.alwaysEnabled()),
            new GetRecentEventsTool(cluster, clock),
            new GetPodLogsTool(cluster, masking.alwaysEnabled(), limits)));
  }

  public ToolCatalog(List<Tool> tools) {
    Map<String, Tool> byName = new LinkedHashMap<>();
    for (Tool t : tools) {
      if (byName.put(t.descriptor().name().value(), t) != null) {
        throw new IllegalArgumentException("duplicate tool " + t.descriptor().name());
      }
    }
    this.tools = Map.copyOf(byName);
    this.order = List.copyOf(tools);
  }

  public Optional<Tool> find(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  public List<ToolDescriptor> descriptors() {
    return order.stream().map(Tool::descriptor).toList();
  }
}
