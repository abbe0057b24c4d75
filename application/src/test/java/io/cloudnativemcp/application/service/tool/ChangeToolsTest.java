package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.application.service.tool.ToolTests.call;
import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.port.out.ClusterRequestException;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.port.out.FakeManifestReader;
import io.cloudnativemcp.application.port.out.ResourceNotFoundException;
import io.cloudnativemcp.domain.cluster.DeleteOptions;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.PatchType;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.cloudnativemcp.domain.cluster.WorkloadFixtures;
import io.cloudnativemcp.domain.tool.InvalidToolArgumentException;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Create, patch, delete, scale, cordon and uncordon. */
class ChangeToolsTest {
  private final FakeClusterGateway fake = new FakeClusterGateway();
  private final Cluster cluster = ToolHarness.cluster(fake);
  private final CreateResourceTool create = new CreateResourceTool(cluster, new FakeManifestReader());
  private final PatchResourceTool patch = new PatchResourceTool(cluster, new FakeManifestReader());

  @Test
  void givenMetadataAndSpec_create_fillsApiVersionAndNamespace() {
    ToolResult r = call(create, Map.of("kind", "Deployment", "metadata", Map.of("name", "web", "labels", Map.of("app", "web")),
        "spec", Map.of("replicas", 2), "namespace", "shop"));

    assertThat(r.text()).startsWith("Created Deployment shop/web (uid ");
    Map<String, Object> stored = fake.objects("Deployment").get(0);
    assertThat(stored).containsEntry("apiVersion", "apps/v1").containsEntry("kind", "Deployment");
    assertThat(ObjectFields.string(stored, "metadata", "namespace")).isEqualTo("shop");
    assertThat(r.structuredContent()).containsEntry("action", "created").containsEntry("namespace", "shop");
  }

  @Test
  void givenAManifestAsJsonText_create_usesItWhole() {
    String manifest = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cfg\",\"namespace\":\"dev\"},\"data\":{\"a\":\"1\"}}";
    ToolArguments args = ToolArguments.validate(create.descriptor(), Map.of("kind", "configmaps", "manifest", manifest));

    assertThat(create.namespace(args)).contains("dev");
    ToolResult r = call(create, Map.of("kind", "configmaps", "manifest", manifest));

    assertThat(r.text()).startsWith("Created ConfigMap dev/cfg");
    assertThat(fake.objects("ConfigMap").get(0)).containsEntry("data", Map.of("a", "1"));
  }

  @Test
  void givenContradictions_create_refusesNamingTheField() {
    assertThatThrownBy(() -> call(create, Map.of("kind", "ConfigMap", "manifest", Map.of("metadata", Map.of("name", "x")), "spec", Map.of())))
        .isInstanceOf(InvalidToolArgumentException.class).hasMessageContaining("'spec': cannot be combined with manifest");
    assertThatThrownBy(() -> call(create, Map.of("kind", "ConfigMap", "metadata", Map.of("name", "x", "namespace", "a"), "namespace", "b")))
        .hasMessageContaining("'namespace': is 'b' but metadata.namespace is 'a'");
    assertThatThrownBy(() -> call(create, Map.of("kind", "ConfigMap", "metadata", Map.of("labels", Map.of()))))
        .hasMessageContaining("'metadata': needs metadata.name or metadata.generateName");
    assertThatThrownBy(() -> call(create, Map.of("kind", "ConfigMap")))
        .hasMessageContaining("'metadata': is required (or give manifest)");
    assertThatThrownBy(() -> call(create, Map.of("kind", "ConfigMap", "manifest", Map.of("kind", "Secret", "metadata", Map.of("name", "x")))))
        .hasMessageContaining("the manifest's kind is Secret");
    assertThatThrownBy(() -> call(create, Map.of("kind", "Deployment", "apiVersion", "v1", "metadata", Map.of("name", "x"))))
        .hasMessageContaining("'apiVersion': 'v1' is not of the API group of Deployment");
    assertThatThrownBy(() -> call(create, Map.of("kind", "ConfigMap", "manifest", "kind: ConfigMap")))
        .hasMessageContaining("'manifest': is not valid YAML or JSON");
  }

  @Test
  void givenAnExistingObject_create_reportsTheConflict() {
    fake.with("ConfigMap", map("kind", "ConfigMap", "metadata", map("name", "cfg", "namespace", "default")));

    assertThatThrownBy(() -> call(create, Map.of("kind", "cm", "metadata", Map.of("name", "cfg"))))
        .isInstanceOf(ClusterRequestException.class).hasMessageContaining("409");
  }

  @Test
  void givenAMergePatch_patch_appliesItAndSaysWhich() {
    fake.with("Deployment", WorkloadFixtures.deployment("web", "shop", 2, 2));

    ToolResult r = call(patch, Map.of("kind", "deploy", "name", "web", "namespace", "shop", "patch", Map.of("metadata", Map.of("labels", Map.of("tier", "front")))));

    assertThat(r.text()).startsWith("Patched Deployment shop/web (merge patch");
    assertThat(ObjectFields.string(fake.objects("Deployment").get(0), "metadata", "labels", "tier")).isEqualTo("front");
  }

  @Test
  void givenAJsonPatchAsText_patch_parsesIt() {
    fake.with("Deployment", WorkloadFixtures.deployment("web", "shop", 2, 2));

    call(patch, Map.of("kind", "deploy", "name", "web", "namespace", "shop", "patchType", "json",
        "patch", "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":5}]"));

    assertThat(fake.lastQuery(FakeClusterGateway.PatchCall.class).get().type()).isEqualTo(PatchType.JSON);
    assertThat(ObjectFields.integer(fake.objects("Deployment").get(0), "spec", "replicas")).isEqualTo(5);
  }

  @Test
  void givenAMismatchedPatch_patch_explainsTheExpectedShape() {
    assertThatThrownBy(() -> call(patch, Map.of("kind", "deploy", "name", "web", "patchType", "json", "patch", Map.of("a", 1))))
        .hasMessageContaining("'patch': must be an array of operations");
    assertThatThrownBy(() -> call(patch, Map.of("kind", "deploy", "name", "web", "patch", List.of())))
        .hasMessageContaining("'patch': must be an object for patchType merge");
    assertThatThrownBy(() -> call(patch, Map.of("kind", "deploy", "name", "web", "patch", "{oops")))
        .hasMessageContaining("'patch': is not valid JSON");
    assertThatThrownBy(() -> call(patch, Map.of("kind", "deploy", "name", "web", "patch", Map.of(), "patchType", "replace")))
        .hasMessageContaining("must be one of merge, json, strategic, apply");
  }

  @Test
  void givenAnObject_delete_passesOptionsAndAsksAClearQuestion() {
    fake.with("Deployment", WorkloadFixtures.deployment("web", "shop", 2, 2));
    DeleteResourceTool delete = new DeleteResourceTool(cluster);

    ToolResult r = call(delete, Map.of("kind", "deploy", "name", "web", "namespace", "shop", "gracePeriodSeconds", 0, "propagationPolicy", "Foreground"));

    assertThat(r.text()).startsWith("Deleted Deployment shop/web");
    assertThat(fake.objects("Deployment")).isEmpty();
    assertThat(fake.lastQuery(FakeClusterGateway.DeleteCall.class).get().options())
        .isEqualTo(new DeleteOptions(Optional.of(0L), Optional.of("Foreground")));
    assertThat(delete.confirmation(ToolArguments.validate(delete.descriptor(), Map.of("kind", "deploy", "name", "web", "namespace", "shop"))))
        .isEqualTo("Delete deploy shop/web? This cannot be undone.");
    assertThatThrownBy(() -> call(delete, Map.of("kind", "deploy", "name", "web", "namespace", "shop")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void givenADeployment_scale_reportsBeforeAndAfter() {
    fake.with("Deployment", WorkloadFixtures.deployment("web", "shop", 2, 2));

    ToolResult r = call(new ScaleResourceTool(cluster), Map.of("kind", "deployment", "name", "web", "namespace", "shop", "replicas", 0));

    assertThat(r.text()).isEqualTo("Scaled Deployment shop/web from 2 to 0 replicas.\n");
    assertThat(r.structuredContent()).containsEntry("previousReplicas", 2).containsEntry("replicas", 0L);
    assertThat(fake.lastQuery(FakeClusterGateway.PatchCall.class).get().patch()).isEqualTo(Map.of("spec", Map.of("replicas", 0L)));
  }

  @Test
  void givenAnUnscalableKindOrCount_scale_refuses() {
    assertThatThrownBy(() -> call(new ScaleResourceTool(cluster), Map.of("kind", "configmaps", "name", "x", "namespace", "shop", "replicas", 1)))
        .hasMessageContaining("ConfigMap cannot be scaled");
    assertThatThrownBy(() -> call(new ScaleResourceTool(cluster), Map.of("kind", "deploy", "name", "x", "namespace", "shop", "replicas", -1)))
        .hasMessageContaining("'replicas': must be at least 0");
  }

  @Test
  void givenANode_cordonAndUncordon_flipSchedulabilityOnce() {
    fake.with("Node", WorkloadFixtures.node("n1", true, false));

    ToolResult cordon = call(NodeScheduling.cordon(cluster), Map.of("name", "n1"));
    ToolResult again = call(NodeScheduling.cordon(cluster), Map.of("name", "n1"));
    ToolResult uncordon = call(NodeScheduling.uncordon(cluster), Map.of("name", "n1"));

    assertThat(cordon.text()).contains("n1 cordoned");
    assertThat(again.text()).contains("already cordoned").contains("nothing changed");
    assertThat(again.structuredContent()).containsEntry("changed", false);
    assertThat(uncordon.text()).contains("uncordoned");
    assertThat(ObjectFields.at(fake.objects("Node").get(0), "spec", "unschedulable")).as("removed, as kubectl uncordon").isNull();
    assertThat(fake.queries(FakeClusterGateway.PatchCall.class)).hasSize(2);
    assertThat(fake.lastQuery(ResourceRef.class)).contains(new ResourceRef("nodes", "n1", Optional.empty()));
  }
}
