package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.port.out.ClusterDiscovery;
import io.cloudnativemcp.application.port.out.ClusterGateway;
import io.cloudnativemcp.application.port.out.ClusterMetrics;
import io.cloudnativemcp.application.port.out.ManifestReader;
import io.cloudnativemcp.application.port.out.PermissionsGateway;
import io.cloudnativemcp.application.port.out.PodOperations;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
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
  public ToolCatalog(
      ClusterGateway resources,
      PodOperations pods,
      ClusterDiscovery discovery,
      ClusterMetrics metrics,
      PermissionsGateway permissions,
      ManifestReader manifests,
      AccessPolicy policy,
      MaskingPolicy masking,
      OutputLimits limits,
      Clock clock) {
    this(
        tools(
            new Cluster(resources, pods, discovery, metrics, permissions, policy.mode(), masking),
            manifests,
            masking.alwaysEnabled(),
            limits,
            clock,
            new Poller(clock, Poller.Sleeper.REAL)));
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

  /** The production tools, in the order {@code tools/list} shows them. */
  static List<Tool> tools(
      Cluster cluster, ManifestReader manifests, MaskingPolicy masking, OutputLimits limits, Clock clock, Poller poller) {
    MaskingPolicy m = masking.alwaysEnabled();
    List<Tool> all = new ArrayList<>(List.of(
        // Discovery and reading.
        new ListResourcesSummaryTool(cluster, clock),
        new GetResourceSummaryTool(cluster, clock),
        new ListResourcesTool(cluster, m, clock),
        new ListResourcesFullTool(cluster, m),
        new GetResourceTool(cluster, m),
        new GetResourcesDetailTool(cluster, m, clock),
        new GetResourceDetailsTool(cluster, m, clock),
        new GetResourceDetailAdvancedTool(cluster, m, clock),
        new DescribeResourceTool(cluster, m, clock),
        new SearchResourcesTool(cluster, clock),
        new GetApiVersionsTool(cluster),
        new GetApiResourcesTool(cluster),
        new CheckPermissionsTool(cluster),
        // Events, logs, health.
        new GetRecentEventsTool(cluster, clock),
        new GetEventsTool(cluster, clock),
        new GetEventsDetailTool(cluster, clock),
        new GetPodLogsTool(cluster, m, limits),
        new GetResourceUsageTool(cluster),
        new GetUnhealthyResourcesTool(cluster, clock),
        new GetNodeConditionsTool(cluster, clock),
        new AnalyzeIssueTool(cluster),
        new GetRolloutStatusTool(cluster, poller),
        // Changing things.
        new CreateResourceTool(cluster, manifests),
        new PatchResourceTool(cluster, manifests),
        new DeleteResourceTool(cluster),
        new ScaleResourceTool(cluster),
        new RestartWorkloadTool(cluster, poller, clock),
        new WaitForResourceTool(cluster, poller),
        NodeScheduling.cordon(cluster),
        NodeScheduling.uncordon(cluster),
        new DrainNodeTool(cluster, poller),
        new PodExecTool(cluster, m, limits)));
    // Helm, from the release records in the cluster; OpenShift.
    all.addAll(HelmTools.all(cluster, m));
    all.add(new ListProjectsTool(cluster, clock));
    return List.copyOf(all);
  }

  public Optional<Tool> find(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  public List<ToolDescriptor> descriptors() {
    return order.stream().map(Tool::descriptor).toList();
  }
}
