package it.io.cloudnativemcp;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.Map;
import java.util.Queue;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;

/**
 * A Kubernetes API server for the end-to-end tests: the fabric8 mock in CRUD mode over plain HTTP
 * on 127.0.0.1, seeded with a small shop application, and a kubeconfig that points at it.
 */
final class KubernetesFixture implements AutoCloseable {
  static final String LOG_TEXT = "GET /healthz 200\nGET /cart 500 upstream timeout\n";

  final KubernetesMockServer server;
  final NamespacedKubernetesClient client;

  KubernetesFixture() {
    // The mixed dispatcher serves expectations first (logs, pagination) and CRUD for the rest.
    Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations, new KubernetesMixedDispatcher(expectations), false);
    try {
      server.init(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    client = server.createClient();
  }

  /** The shop: two namespaces, three pods (one crash-looping), a deployment, a node, two events. */
  KubernetesFixture seedShop() {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build()).create();
    client.nodes().resource(new NodeBuilder().withNewMetadata().withName("worker-1").endMetadata()
        .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build()).create();
    String created = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    for (String name : new String[] {"web-7d4b9c8f6d-abcde", "web-7d4b9c8f6d-fghij"}) {
      client.pods().inNamespace("shop").resource(new PodBuilder()
          .withNewMetadata().withName(name).withNamespace("shop").addToLabels("app", "web").withCreationTimestamp(created).endMetadata()
          .withNewSpec().withNodeName("worker-1").addNewContainer().withName("web").withImage("nginx:1.27")
            .addNewEnv().withName("DB_PASSWORD").withValue("hunter2-never-shown").endEnv().endContainer().endSpec()
          .withNewStatus().withPhase("Running").addNewContainerStatus().withName("web").withReady(true).withRestartCount(0)
            .withNewState().withNewRunning().endRunning().endState().endContainerStatus().endStatus()
          .build()).create();
    }
    client.pods().inNamespace("shop").resource(new PodBuilder()
        .withNewMetadata().withName("cart-5f6d7c8b9-xyz12").withNamespace("shop").addToLabels("app", "cart").withCreationTimestamp(created).endMetadata()
        .withNewSpec().withNodeName("worker-1").addNewContainer().withName("cart").withImage("cart:2.1").endContainer().endSpec()
        .withNewStatus().withPhase("Running").addNewContainerStatus().withName("cart").withReady(false).withRestartCount(7)
          .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState().endContainerStatus().endStatus()
        .build()).create();
    client.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder()
        .withNewMetadata().withName("web").withNamespace("shop").endMetadata()
        .withNewSpec().withReplicas(2).endSpec()
        .withNewStatus().withReplicas(2).withReadyReplicas(2).withAvailableReplicas(2).endStatus().build()).create();
    client.v1().events().inNamespace("shop").resource(new EventBuilder()
        .withNewMetadata().withName("cart.1").withNamespace("shop").endMetadata()
        .withType("Warning").withReason("BackOff").withMessage("Back-off restarting failed container cart")
        .withNewInvolvedObject().withKind("Pod").withName("cart-5f6d7c8b9-xyz12").withNamespace("shop").endInvolvedObject()
        .withLastTimestamp(Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS).toString()).build()).create();
    client.v1().events().inNamespace("shop").resource(new EventBuilder()
        .withNewMetadata().withName("web.1").withNamespace("shop").endMetadata()
        .withType("Normal").withReason("Scheduled").withMessage("Successfully assigned shop/web-7d4b9c8f6d-abcde to worker-1")
        .withNewInvolvedObject().withKind("Pod").withName("web-7d4b9c8f6d-abcde").withNamespace("shop").endInvolvedObject()
        .withLastTimestamp(Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.SECONDS).toString()).build()).create();
    // CRUD mode answers pods/{name}/log with the pod list: an expectation serves a real log.
    server.expect().get().withPath("/api/v1/namespaces/shop/pods/cart-5f6d7c8b9-xyz12/log?previous=false&tailLines=50")
        .andReturn(200, LOG_TEXT).always();
    return this;
  }

  String url() {
    String u = server.url("/");
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  Path writeKubeconfig(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("kubeconfig");
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: %s
        contexts:
        - name: mock
          context: {cluster: mock, user: tester}
        current-context: mock
        users:
        - name: tester
          user: {token: kube-token-never-shown}
        """.formatted(url()), StandardCharsets.UTF_8);
    return file;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
