package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.application.service.tool.ToolTests.call;
import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.ClusterAccessDeniedException;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.port.out.ResourceNotFoundException;
import io.cloudnativemcp.application.port.out.UnknownKindException;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.PermissionCheck;
import io.cloudnativemcp.domain.cluster.PermissionVerdict;
import io.cloudnativemcp.domain.cluster.PodFixtures;
import io.cloudnativemcp.domain.cluster.WorkloadFixtures;
import io.cloudnativemcp.domain.tool.InvalidToolArgumentException;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The discovery and reading tools over the fake cluster. */
class ReadingToolsTest {
  private static final String MASK = MaskingPolicy.DEFAULT_MASK;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T15:00:00Z"));
  private final FakeClusterGateway fake = new FakeClusterGateway();
  private final Cluster cluster = ToolHarness.cluster(fake);
  private final MaskingPolicy masking = MaskingPolicy.defaults();

  @Test
  void givenACrashLoopingPod_getResourceSummary_saysWhatIsWrongInAFewLines() {
    fake.with("Pod", PodFixtures.crashLoopingPod("cart-1", "shop", "node-a", 7));

    ToolResult r = call(new GetResourceSummaryTool(cluster, clock), Map.of("kind", "po", "name", "cart-1", "namespace", "shop"));

    assertThat(r.text()).startsWith("Pod shop/cart-1\n").contains("status: CrashLoopBackOff", "restarts: 7", "node: node-a", "problem: CrashLoopBackOff");
    assertThat(r.structuredContent()).containsEntry("kind", "Pod").containsEntry("apiVersion", "v1").containsEntry("restarts", 7);
    assertThat(r.text().length()).isLessThan(400);
  }

  @Test
  void givenASelectorAndAJsonPath_listResources_selectsPerObject() {
    fake.with("Pod", PodFixtures.runningPod("web-1", "shop", "node-a"), PodFixtures.runningPod("web-2", "shop", "node-b"));

    ToolResult r = call(new ListResourcesTool(cluster, masking, clock), Map.of("kind", "pods", "namespace", "shop", "jsonpath", "spec.nodeName"));

    assertThat(r.text()).contains("web-1", "node-a", "web-2", "node-b");
    assertThat(r.structuredContent()).containsEntry("jsonpath", "{.spec.nodeName}").containsEntry("count", 2);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) r.structuredContent().get("items");
    assertThat(items.get(0)).containsEntry("values", List.of("node-a"));
  }

  @Test
  void givenSeveralJsonPaths_listResources_makesOneColumnEach() {
    fake.with("Pod", PodFixtures.runningPod("web-1", "shop", "node-a"));

    ToolResult r = call(new ListResourcesTool(cluster, masking, clock),
        Map.of("kind", "pods", "jsonpaths", List.of("{.spec.nodeName}", "status.phase")));

    assertThat(r.text()).contains("{.spec.nodeName}", "{.status.phase}", "node-a", "Running");
  }

  @Test
  void givenARangeOverItems_listResources_rendersThePageOnce() {
    fake.with("Pod", PodFixtures.runningPod("web-1", "shop", "node-a"), PodFixtures.runningPod("web-2", "shop", "node-b"));

    ToolResult r = call(new ListResourcesTool(cluster, masking, clock),
        Map.of("kind", "pods", "jsonpath", "{range .items[*]}{.metadata.name}={.spec.nodeName}{\"\\n\"}{end}"));

    assertThat(r.text()).startsWith("web-1=node-a\nweb-2=node-b\n").contains("count: 2, hasMore: false");
    assertThat(r.structuredContent()).containsEntry("values", List.of("web-1", "node-a", "web-2", "node-b"));
  }

  @Test
  void givenBadJsonPaths_listResources_namesTheArgument() {
    fake.with("Pod");

    assertThatThrownBy(() -> call(new ListResourcesTool(cluster, masking, clock), Map.of("kind", "pods", "jsonpath", "{.a")))
        .isInstanceOf(InvalidToolArgumentException.class).hasMessageContaining("'jsonpath'");
    assertThatThrownBy(() -> call(new ListResourcesTool(cluster, masking, clock), Map.of("kind", "pods", "jsonpaths", List.of("{.a"))))
        .isInstanceOf(InvalidToolArgumentException.class).hasMessageContaining("'jsonpaths'");
    assertThatThrownBy(() -> call(new ListResourcesTool(cluster, masking, clock),
        Map.of("kind", "pods", "jsonpath", "{.a}", "jsonpaths", List.of("{.b}"))))
        .hasMessageContaining("either jsonpath or jsonpaths");
  }

  @Test
  void givenPlainListing_listResources_showsOwnersLabelsAndPagination() {
    Map<String, Object> pod = PodFixtures.runningPod("web-1", "shop", "node-a");
    ObjectFields.map(pod, "metadata").put("ownerReferences", List.of(map("kind", "ReplicaSet", "name", "web-7d", "controller", true)));
    fake.with("Pod", pod).withNextPage("tok-2", 5L);

    ToolResult r = call(new ListResourcesTool(cluster, masking, clock), Map.of("kind", "pods", "fieldSelector", "spec.nodeName=node-a", "limit", 1));

    assertThat(r.text()).contains("OWNER", "ReplicaSet/web-7d", "count: 1, hasMore: true, remaining: 5", "continueToken: tok-2");
    assertThat(fake.lastQuery(ListQuery.class)).get().extracting(ListQuery::fieldSelector).isEqualTo("spec.nodeName=node-a");
  }

  @Test
  void givenObjects_listResourcesFull_returnsYamlDocumentsWithoutStatusWhenAsked() {
    fake.with("Deployment", WorkloadFixtures.deployment("web", "shop", 2, 2));

    ToolResult r = call(new ListResourcesFullTool(cluster, masking), Map.of("kind", "deploy", "includeStatus", false));

    assertThat(r.text()).startsWith("---\napiVersion: apps/v1\nkind: Deployment\n").doesNotContain("readyReplicas").contains("# count: 1");
    assertThat(fake.lastQuery(ListQuery.class).get().limit()).isEqualTo(ListResourcesFullTool.DEFAULT_LIMIT);
  }

  @Test
  void givenALimitAboveFifty_listResourcesFull_isRefused() {
    assertThatThrownBy(() -> call(new ListResourcesFullTool(cluster, masking), Map.of("kind", "pods", "limit", 51)))
        .hasMessageContaining("'limit': must be at most 50");
  }

  @Test
  void givenSeveralNames_getResourcesDetail_readsEachAndReportsTheMissing() {
    fake.with("ConfigMap", map("kind", "ConfigMap", "metadata", map("name", "a", "namespace", "shop"), "data", map("k", "v")));

    ToolResult r = call(new GetResourcesDetailTool(cluster, masking, clock), Map.of("kind", "cm", "names", List.of("a", "ghost"), "namespace", "shop"));

    assertThat(r.text()).contains("--- ConfigMap a", "k: v", "# not found:", "1 of 2 found; not found: ghost");
    assertThat(r.structuredContent()).containsEntry("count", 1).containsEntry("notFound", List.of("ghost"));
  }

  @Test
  void givenTooManyNames_getResourcesDetail_isRefused() {
    List<String> names = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "n" + i).toList();

    assertThatThrownBy(() -> call(new GetResourcesDetailTool(cluster, masking, clock), Map.of("kind", "cm", "names", names)))
        .hasMessageContaining("'names': must have at most 20 items");
  }

  @Test
  void givenQueriesAndModes_searchResources_matchesNamesAcrossKinds() {
    fake.with("Pod", PodFixtures.runningPod("shop-web-1", "shop", "n"), PodFixtures.runningPod("billing-api-1", "billing", "n"));
    fake.with("Service", map("kind", "Service", "metadata", map("name", "shop-web", "namespace", "shop"), "spec", map("type", "ClusterIP")));

    ToolResult contains = call(new SearchResourcesTool(cluster, clock), Map.of("resourceTypes", List.of("pods", "svc"), "query", "WEB"));
    ToolResult regex = call(new SearchResourcesTool(cluster, clock), Map.of("kind", "pods", "query", "^billing-.*-\\d$", "searchMode", "regex"));
    ToolResult none = call(new SearchResourcesTool(cluster, clock), Map.of("kind", "pods", "name", "nothing"));

    assertThat(contains.text()).contains("Pod", "shop-web-1", "Service", "shop-web").doesNotContain("billing");
    assertThat(contains.structuredContent()).containsEntry("count", 2);
    assertThat(regex.structuredContent()).containsEntry("count", 1);
    assertThat(none.text()).isEqualTo("No objects matching 'nothing' found.\n");
  }

  @Test
  void givenAnInvalidPatternOrKind_searchResources_saysSo() {
    assertThatThrownBy(() -> call(new SearchResourcesTool(cluster, clock), Map.of("kind", "pods", "query", "(", "searchMode", "regex")))
        .hasMessageContaining("'query'").hasMessageContaining("regular expression");
    assertThatThrownBy(() -> call(new SearchResourcesTool(cluster, clock), Map.of("kind", "widgets")))
        .isInstanceOf(UnknownKindException.class);
  }

  @Test
  void givenDiscovery_getApiVersionsAndResources_listWhatTheClusterServes() {
    fake.withResource(new ApiResource("route.openshift.io", "v1", "Route", "routes", null, true, List.of(), List.of("get", "list")));

    ToolResult versions = call(new GetApiVersionsTool(cluster), Map.of());
    ToolResult apps = call(new GetApiResourcesTool(cluster), Map.of("apiGroup", "apps"));
    ToolResult clusterScoped = call(new GetApiResourcesTool(cluster), Map.of("namespaced", false));
    ToolResult core = call(new GetApiResourcesTool(cluster), Map.of("apiGroup", "core"));

    assertThat(versions.text()).contains("v1\n", "apps/v1\n", "route.openshift.io/v1\n");
    assertThat(apps.text()).contains("deployments", "deploy", "apps/v1", "Deployment").doesNotContain("pods ");
    assertThat(clusterScoped.text()).contains("nodes", "namespaces").doesNotContain("deployments");
    assertThat(core.text()).contains("pods").doesNotContain("deployments");
  }

  @Test
  void givenAQuestion_checkPermissions_asksTheAuthorizerAndSaysYesOrNo() {
    fake.withPermissions(c -> new PermissionVerdict(c.verb().equals("get"), false, "RBAC: allowed by role viewer", ""));

    ToolResult yes = call(new CheckPermissionsTool(cluster),
        Map.of("verb", "get", "resourceGroup", "core", "resourceResource", "pods", "subresource", "log", "namespace", "shop"));
    ToolResult no = call(new CheckPermissionsTool(cluster),
        Map.of("verb", "delete", "resourceGroup", "apps", "resourceResource", "deployments"));

    assertThat(yes.text()).startsWith("yes — get pods/log in namespace shop");
    assertThat(no.text()).startsWith("no — delete deployments.apps cluster-wide");
    assertThat(fake.queries(PermissionCheck.class).get(0))
        .isEqualTo(new PermissionCheck("get", "", "pods", Optional.of("log"), Optional.empty(), Optional.of("shop")));
    assertThat(yes.structuredContent()).containsEntry("allowed", true);
  }

  @Test
  void givenForbiddenNamespacesOnOpenShift_listSummary_fallsBackToProjects() {
    FakeClusterGateway forbidden = new FakeClusterGateway() ;
    forbidden.withResource(new ApiResource("project.openshift.io", "v1", "Project", "projects", null, false, List.of(), List.of()));
    forbidden.with("Project", map("kind", "Project", "metadata", map("name", "team-a"), "status", map("phase", "Active")));
    Cluster denyingNamespaces = new Cluster(new NamespaceForbidding(forbidden), forbidden, forbidden, forbidden, forbidden,
        io.cloudnativemcp.domain.access.ServerMode.unrestricted());

    ToolResult r = call(new ListResourcesSummaryTool(denyingNamespaces, clock), Map.of("kind", "namespaces"));

    assertThat(r.text()).contains("OpenShift projects", "team-a", "Active");
    assertThat(r.structuredContent()).containsEntry("kind", "Project").containsKey("note");
  }

  @Test
  void givenMissingObjects_readingTools_reportNotFound() {
    fake.with("Pod");

    assertThatThrownBy(() -> call(new GetResourceSummaryTool(cluster, clock), Map.of("kind", "pods", "name", "ghost", "namespace", "shop")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> call(new DescribeResourceTool(cluster, masking, clock), Map.of("kind", "pods", "name", "ghost")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void givenSecrets_getResourceWithJsonPath_selectsOnlyMaskedValues() {
    fake.with("Secret", map("kind", "Secret", "metadata", map("name", "db", "namespace", "shop"), "data", map("password", "aHVudGVyMg==")));

    ToolResult r = call(new GetResourceTool(cluster, masking), Map.of("kind", "secrets", "name", "db", "namespace", "shop", "jsonpath", "{.data.password}"));

    assertThat(r.text()).isEqualTo(MASK + "\n");
    assertThat(r.structuredContent()).containsEntry("values", List.of(MASK));
  }

  /** A cluster whose RBAC refuses listing namespaces, as OpenShift does for ordinary users. */
  private static final class NamespaceForbidding extends ForwardingGateway {
    NamespaceForbidding(FakeClusterGateway delegate) {
      super(delegate);
    }

    @Override
    public io.cloudnativemcp.domain.cluster.ResourcePage list(ListQuery query) {
      if (query.kind().equals("namespaces")) {
        throw new ClusterAccessDeniedException("namespaces is forbidden");
      }
      return super.list(query);
    }
  }
}
