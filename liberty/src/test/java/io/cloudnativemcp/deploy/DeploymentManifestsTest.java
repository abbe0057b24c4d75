package io.cloudnativemcp.deploy;

import static io.cloudnativemcp.deploy.ManifestChecker.list;
import static io.cloudnativemcp.deploy.ManifestChecker.map;
import static io.cloudnativemcp.deploy.ManifestChecker.strings;
import static io.cloudnativemcp.deploy.ManifestChecker.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cloudnativemcp.deploy.ManifestChecker.Document;
import io.cloudnativemcp.deploy.ManifestChecker.Rule;
import io.cloudnativemcp.deploy.ManifestChecker.Scope;
import io.cloudnativemcp.deploy.ManifestChecker.Violation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests under {@code deploy/kubernetes} meet the security guide's deployment
 * rules, and each rule of {@link ManifestChecker} is proven to fail on a deliberately bad fixture
 * ({@code src/test/resources/deploy-fixtures}).
 */
class DeploymentManifestsTest {

  private static final Path DEPLOY = repositoryRoot().resolve("deploy");
  private static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
  private static final Path BASE = KUBERNETES.resolve("base");

  // ------------------------------------------------------------ the real manifests

  @Test
  void givenRealManifests_check_reportNoViolations() throws IOException {
    List<Document> base = ManifestChecker.load(BASE);
    List<Document> optIn = new ArrayList<>();
    optIn.addAll(ManifestChecker.load(KUBERNETES.resolve("components")));
    optIn.addAll(ManifestChecker.load(KUBERNETES.resolve("overlays")));

    assertThat(ManifestChecker.check(base, Scope.BASE)).isEmpty();
    assertThat(ManifestChecker.check(optIn, Scope.OPT_IN)).isEmpty();
  }

  @Test
  void givenRealManifests_load_everyYamlFileParsesAndTheExpectedKindsExist() throws IOException {
    List<Path> yamlFiles;
    try (Stream<Path> walk = Files.walk(KUBERNETES)) {
      yamlFiles = walk.filter(p -> p.toString().endsWith(".yaml")).toList();
    }
    List<Document> all = ManifestChecker.load(KUBERNETES);
    assertThat(all.stream().map(Document::file).distinct()).hasSameSizeAs(yamlFiles);

    assertThat(BASE.resolve("kustomization.yaml")).isRegularFile();
    assertThat(BASE.resolve("secret.example.yaml")).isRegularFile();
    for (String overlay : List.of("operator", "impersonation", "secrets-read", "openshift")) {
      assertThat(KUBERNETES.resolve("overlays").resolve(overlay).resolve("kustomization.yaml"))
          .isRegularFile();
    }
    Set<String> baseKinds = new HashSet<>();
    for (Document d : baseResources()) {
      baseKinds.add(d.kind());
    }
    assertThat(baseKinds)
        .contains(
            "Namespace",
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "ConfigMap",
            "Deployment",
            "Service",
            "NetworkPolicy");
  }

  @Test
  void givenKustomizations_read_everyReferencedFileExistsAndTheSecretExampleIsNotApplied()
      throws IOException {
    for (Document k : ManifestChecker.load(KUBERNETES)) {
      if (!ManifestChecker.isKustomization(k)) {
        continue;
      }
      Path dir = k.file().getParent();
      Map<String, Object> content = map(k.content());
      for (String entry : referencedPaths(content)) {
        assertThat(dir.resolve(entry).normalize())
            .as("%s refers to %s", KUBERNETES.relativize(k.file()), entry)
            .exists();
      }
      // Secret values never come from git: no applied file holds a Secret.
      for (String resource : strings(content.get("resources"))) {
        Path file = dir.resolve(resource).normalize();
        if (Files.isRegularFile(file)) {
          assertThat(ManifestChecker.parse(file))
              .as("%s applies %s", KUBERNETES.relativize(k.file()), resource)
              .noneMatch(d -> d.kind().equals("Secret"));
        }
      }
    }
    assertThat(
            strings(
                map(ManifestChecker.parse(BASE.resolve("kustomization.yaml")).get(0).content())
                    .get("resources")))
        .doesNotContain("secret.example.yaml");
  }

  @Test
  void givenBaseDeployment_inspect_readsSecretsByReferenceAndMountsEveryWritablePath()
      throws IOException {
    Map<String, Object> pod = podSpec(single("Deployment"));
    Map<String, Object> server = map(list(pod.get("containers")).get(0));

    assertThat(map(single("Deployment").content()).get("spec"))
        .extracting(s -> map(s).get("replicas"))
        .isEqualTo(2);
    assertThat(pod.get("automountServiceAccountToken")).isEqualTo(true);
    Map<String, Map<String, Object>> env = new LinkedHashMap<>();
    for (Object e : list(server.get("env"))) {
      env.put(text(map(e).get("name")), map(e));
    }
    assertThat(secretKeyRef(env.get("MCP_AUTH_API_KEY"))).containsEntry("key", "api-key");
    assertThat(secretKeyRef(env.get("MCP_DB_PASSWORD"))).containsEntry("key", "db-password");
    for (String jwt : List.of("MCP_JWT_ISSUER", "MCP_JWT_AUDIENCES", "MCP_JWT_JWKS_URI")) {
      assertThat(secretKeyRef(env.get(jwt))).containsEntry("optional", true);
    }

    Map<String, String> mounts = new HashMap<>();
    for (Object m : list(server.get("volumeMounts"))) {
      mounts.put(text(map(m).get("mountPath")), text(map(m).get("name")));
    }
    assertThat(mounts)
        .containsKeys(
            "/logs",
            "/opt/ol/wlp/output",
            "/opt/ol/wlp/usr/servers/defaultServer/configDropins/overrides",
            "/tmp",
            "/var/lib/cloud-native-mcp-server");
    Set<String> emptyDirs = new HashSet<>();
    for (Object v : list(pod.get("volumes"))) {
      if (map(v).containsKey("emptyDir")) {
        emptyDirs.add(text(map(v).get("name")));
      }
    }
    for (String path :
        List.of(
            "/logs",
            "/opt/ol/wlp/output",
            "/opt/ol/wlp/usr/servers/defaultServer/configDropins/overrides",
            "/tmp",
            "/var/lib/cloud-native-mcp-server")) {
      assertThat(emptyDirs).as("volume at %s", path).contains(mounts.get(path));
    }

    // MCP_CONFIG names the file the ConfigMap volume provides.
    String configFile = text(env.get("MCP_CONFIG").get("value"));
    String configDir = configFile.substring(0, configFile.lastIndexOf('/'));
    assertThat(mounts).containsEntry(configDir, "config");
    assertThat(map(map(single("ConfigMap").content()).get("data")))
        .containsKey(configFile.substring(configFile.lastIndexOf('/') + 1));
  }

  @Test
  void givenBaseNetworkPolicy_inspect_admitsOnlyMonitoringAndTheNeededEgress() throws IOException {
    Map<String, Object> spec = map(map(single("NetworkPolicy").content()).get("spec"));

    assertThat(strings(spec.get("policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
    List<?> ingress = list(spec.get("ingress"));
    assertThat(ingress).hasSize(1);
    Map<String, Object> from = map(list(map(ingress.get(0)).get("from")).get(0));
    assertThat(map(map(from.get("namespaceSelector")).get("matchLabels")))
        .containsExactly(Map.entry("name", "monitoring"));
    List<Object> ingressPorts = new ArrayList<>(list(map(ingress.get(0)).get("ports")));
    assertThat(ingressPorts).containsExactly(Map.of("protocol", "TCP", "port", 8080));

    Set<Object> egressPorts = new HashSet<>();
    for (Object rule : list(spec.get("egress"))) {
      for (Object port : list(map(rule).get("ports"))) {
        egressPorts.add(map(port).get("port"));
      }
    }
    assertThat(egressPorts).containsExactlyInAnyOrder(53, 443, 6443, 5432);
  }

  @Test
  void givenOpenShiftComponent_readPatch_removesEveryFixedUserAndGroup() throws IOException {
    Path component = KUBERNETES.resolve("components/openshift");
    Document patch = ManifestChecker.parse(component.resolve("deployment-scc-patch.yaml")).get(0);
    Set<String> removed = ManifestChecker.removedPaths(patch);

    assertThat(removed)
        .contains(
            "/spec/template/spec/securityContext/runAsUser",
            "/spec/template/spec/securityContext/runAsGroup",
            "/spec/template/spec/securityContext/fsGroup");
    // Every container of the base Deployment that sets runAsUser has it removed.
    Map<String, Object> pod = podSpec(single("Deployment"));
    for (String group : List.of("containers", "initContainers")) {
      List<?> containers = list(pod.get(group));
      for (int i = 0; i < containers.size(); i++) {
        if (map(map(containers.get(i)).get("securityContext")).containsKey("runAsUser")) {
          assertThat(removed)
              .contains("/spec/template/spec/" + group + "/" + i + "/securityContext/runAsUser");
        }
      }
    }
    assertThat(ManifestChecker.patchFiles(ManifestChecker.load(component)))
        .contains(component.resolve("deployment-scc-patch.yaml").toAbsolutePath().normalize());
    Document route = ManifestChecker.parse(component.resolve("route.yaml")).get(0);
    assertThat(text(map(map(map(route.content()).get("spec")).get("tls")).get("termination")))
        .isIn("reencrypt", "passthrough");
  }

  @Test
  void givenImageFiles_read_baseImagePinnedNonRootAndEveryCopiedFileSentAndReadable()
      throws IOException {
    String containerfile = Files.readString(DEPLOY.resolve("Containerfile"));
    String base =
        containerfile
            .lines()
            .filter(l -> l.startsWith("ARG BASE_IMAGE="))
            .findFirst()
            .orElseThrow()
            .substring("ARG BASE_IMAGE=".length());

    assertThat(base).startsWith("icr.io/appcafe/open-liberty:").contains("kernel-slim");
    assertThat(ManifestChecker.imageProblem(base)).isEmpty();
    assertThat(containerfile).contains("RUN features.sh").contains("configure.sh");
    assertThat(containerfile.lines().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b))
        .contains("USER 1001");

    String ignore = Files.readString(DEPLOY.resolve(".containerignore"));
    assertThat(Files.readString(DEPLOY.resolve("Containerfile.dockerignore"))).isEqualTo(ignore);
    List<String> copies = containerfile.lines().filter(l -> l.startsWith("COPY ")).toList();
    assertThat(copies).isNotEmpty();
    for (String copy : copies) {
      // COPY keeps the build machine's modes: without --chmod, UID 1000 may not read the file.
      assertThat(copy).as(copy).contains("--chmod=0644");
      String[] words = copy.split("\\s+");
      String source = words[words.length - 2];
      assertThat(ignore).as("the ignore files send %s", source).contains("!" + source + "\n");
      if (source.startsWith("deploy/")) {
        assertThat(repositoryRoot().resolve(source)).isRegularFile();
      }
    }
  }

  /**
   * The overlays as kustomize renders them, with every patch applied: full checks on the final
   * objects. Needs kubectl (its built-in kustomize); skipped where it is not installed.
   */
  @Test
  void givenKubectl_renderBaseAndEveryOverlay_reportNoViolations() throws Exception {
    assumeTrue(kubectlAvailable(), "kubectl is not installed");

    assertThat(ManifestChecker.check(render(BASE), Scope.BASE)).isEmpty();
    for (String overlay : List.of("operator", "impersonation", "secrets-read", "openshift")) {
      List<Document> rendered = render(KUBERNETES.resolve("overlays").resolve(overlay));
      assertThat(ManifestChecker.check(rendered, Scope.OPT_IN)).as(overlay).isEmpty();
      if (overlay.equals("openshift")) {
        String deployment =
            rendered.stream()
                .filter(d -> d.kind().equals("Deployment"))
                .findFirst()
                .orElseThrow()
                .content()
                .toString();
        assertThat(deployment)
            .doesNotContain("runAsUser")
            .doesNotContain("runAsGroup")
            .doesNotContain("fsGroup=");
      }
    }
  }

  // ------------------------------------------------------------ each rule fails on a fixture

  @Test
  void givenWildcardRbac_check_reportsEveryWildcard() throws Exception {
    List<Violation> violations = checkFixture("rbac-wildcard.yaml", Scope.OPT_IN);

    assertThat(details(violations, Rule.RBAC_WILDCARD))
        .containsExactlyInAnyOrder(
            "rules[0].verbs contains '*'",
            "rules[0].apiGroups contains '*'",
            "rules[0].resources contains '*'");
  }

  @Test
  void givenClusterAdminBinding_check_reportsClusterAdmin() throws Exception {
    List<Violation> violations = checkFixture("rbac-cluster-admin.yaml", Scope.OPT_IN);

    assertThat(details(violations, Rule.RBAC_CLUSTER_ADMIN)).containsExactly("binds cluster-admin");
  }

  @Test
  void givenSecretsAccess_check_reportedInBaseButAllowedOptIn() throws Exception {
    assertThat(rules(checkFixture("rbac-secrets.yaml", Scope.BASE)))
        .contains(Rule.RBAC_SECRETS_IN_BASE);
    assertThat(checkFixture("rbac-secrets.yaml", Scope.OPT_IN)).isEmpty();
  }

  @Test
  void givenWriteVerbInBase_check_reportsNotReadOnly() throws Exception {
    List<Violation> violations = checkFixture("rbac-write-verbs.yaml", Scope.BASE);

    assertThat(details(violations, Rule.RBAC_BASE_NOT_READ_ONLY))
        .containsExactly("rules[0] grants 'delete'; the base may only get, list and watch");
  }

  @Test
  void givenUnhardenedContainers_check_reportsEachMissingSetting() throws Exception {
    List<Violation> violations = checkFixture("container-security-context.yaml", Scope.OPT_IN);

    assertThat(details(violations, Rule.CONTAINER_SECURITY_CONTEXT))
        .contains(
            "initContainers/init-without-context: runAsNonRoot is not true",
            "initContainers/init-without-context: readOnlyRootFilesystem is not true",
            "containers/no-context: allowPrivilegeEscalation is not false",
            "containers/no-context: capabilities.drop lacks ALL",
            "containers/escalates: allowPrivilegeEscalation is not false",
            "containers/escalates: privileged is true",
            "containers/escalates: capabilities.drop lacks ALL",
            "containers/escalates: capabilities.add [NET_ADMIN]",
            "containers/writable-root: readOnlyRootFilesystem is not true",
            "hostNetwork is true");
    assertThat(details(violations, Rule.CONTAINER_SECURITY_CONTEXT))
        .noneMatch(d -> d.startsWith("containers/writable-root: runAsNonRoot"));
  }

  @Test
  void givenNoSeccompProfile_check_reportsSeccomp() throws Exception {
    List<Violation> violations = checkFixture("seccomp-missing.yaml", Scope.BASE);

    assertThat(violations).extracting(Violation::rule).containsOnly(Rule.SECCOMP);
    assertThat(details(violations, Rule.SECCOMP))
        .containsExactly(
            "containers/job: seccompProfile.type is Unconfined, not RuntimeDefault (pod or"
                + " container)");
  }

  @Test
  void givenOtherUserThan1000_check_reportsItInBaseAndRootEverywhere() throws Exception {
    assertThat(details(checkFixture("run-as-user.yaml", Scope.BASE), Rule.RUN_AS_USER))
        .containsExactlyInAnyOrder(
            "containers/uid-1001: runAsUser is 1001, the base runs as 1000",
            "containers/uid-0: runAsUser is 0 (root)");
    assertThat(details(checkFixture("run-as-user.yaml", Scope.OPT_IN), Rule.RUN_AS_USER))
        .containsExactly("containers/uid-0: runAsUser is 0 (root)");
  }

  @Test
  void givenSecretNamedEnvWithLiteral_check_reportsEnvSecretLiteral() throws Exception {
    List<Violation> violations = checkFixture("env-secret-literal.yaml", Scope.BASE);

    assertThat(violations).extracting(Violation::rule).containsOnly(Rule.ENV_SECRET_LITERAL);
    assertThat(details(violations, Rule.ENV_SECRET_LITERAL))
        .containsExactlyInAnyOrder(
            "containers/server: env MCP_AUTH_API_KEY has a literal value; use"
                + " valueFrom.secretKeyRef",
            "containers/server: env DB_Password has a literal value; use valueFrom.secretKeyRef",
            "containers/server: env GITHUB_TOKEN has a literal value; use valueFrom.secretKeyRef");
  }

  @Test
  void givenCredentialInInnocentEnv_check_reportsCredentialLiteral() throws Exception {
    List<Violation> violations = checkFixture("credential-literal.yaml", Scope.BASE);

    assertThat(violations).extracting(Violation::rule).containsOnly(Rule.CREDENTIAL_LITERAL);
    assertThat(details(violations, Rule.CREDENTIAL_LITERAL))
        .containsExactlyInAnyOrder(
            "containers/server: env AUDIT_DATABASE_URL looks like a credential",
            "containers/server: env UPSTREAM_AUTH looks like a credential",
            "containers/server: env BOOTSTRAP_ADMIN looks like a credential",
            "containers/server: env AWS_ACCESS_ID looks like a credential");
  }

  @Test
  void givenConfigMapWithSecretLiterals_check_reportsEachButNotReferences() throws Exception {
    List<Violation> violations = checkFixture("configmap-secret-literal.yaml", Scope.BASE);

    assertThat(violations).extracting(Violation::object).containsOnly("ConfigMap/mcp-config");
    assertThat(details(violations, Rule.CONFIGMAP_SECRET_LITERAL))
        .containsExactlyInAnyOrder(
            "config.yaml auth.apiKey is a secret written as a literal;"
                + " write \"${VARIABLE}\" and use a Secret",
            "config.yaml audit.database.url looks like a credential",
            "config.yaml audit.database.password is a secret written as a literal;"
                + " write \"${VARIABLE}\" and use a Secret",
            "api-key is a secret written as a literal; write \"${VARIABLE}\" and use a Secret");
  }

  @Test
  void givenSecretManifestWithValues_check_reportsSecretWithValues() throws Exception {
    List<Violation> violations = checkFixture("secret-with-values.yaml", Scope.OPT_IN);

    assertThat(violations)
        .extracting(Violation::rule, Violation::object)
        .containsExactlyInAnyOrder(
            tuple(Rule.SECRET_WITH_VALUES, "Secret/mcp-secrets"),
            tuple(Rule.SECRET_WITH_VALUES, "Secret/base64-is-not-encryption"));
  }

  @Test
  void givenUnpinnedImages_check_reportsEachAndAcceptsVersionsAndDigests() throws Exception {
    List<Violation> violations = checkFixture("image-unpinned.yaml", Scope.BASE);

    assertThat(violations).extracting(Violation::rule).containsOnly(Rule.IMAGE_NOT_PINNED);
    assertThat(violations)
        .extracting(Violation::object)
        .containsExactlyInAnyOrder(
            "Deployment/no-tag",
            "Deployment/tag-latest",
            "Deployment/branch-tag",
            "Deployment/snapshot-tag",
            "Deployment/bad-digest");
  }

  @Test
  void givenKustomizationUnpinningImages_check_reportsImagesNotPinned() throws Exception {
    List<Violation> violations = checkFixture("image-kustomization/kustomization.yaml", Scope.BASE);

    assertThat(details(violations, Rule.IMAGE_NOT_PINNED))
        .containsExactlyInAnyOrder(
            "images: registry.example.com/cloud-native-mcp-server uses the tag latest",
            "images: registry.example.com/sidecar-fork has the tag 'develop', which is not a"
                + " version");
  }

  @Test
  void givenDeploymentWithoutProbes_check_reportsProbesMissing() throws Exception {
    List<Violation> violations = checkFixture("probes-missing.yaml", Scope.BASE);

    assertThat(violations).extracting(Violation::rule).containsOnly(Rule.PROBES_MISSING);
    assertThat(details(violations, Rule.PROBES_MISSING))
        .containsExactlyInAnyOrder(
            "containers/server has no livenessProbe", "containers/server has no readinessProbe");
  }

  @Test
  void givenDeploymentWithoutRequestsOrCpuLimit_check_reportsResourcesMissing() throws Exception {
    List<Violation> violations = checkFixture("resources-missing.yaml", Scope.BASE);

    assertThat(violations).extracting(Violation::rule).containsOnly(Rule.RESOURCES_MISSING);
    assertThat(details(violations, Rule.RESOURCES_MISSING))
        .containsExactlyInAnyOrder(
            "containers/server has no requests.cpu",
            "containers/server has no requests.memory",
            "containers/server has no limits.cpu");
  }

  // ------------------------------------------------------------ helpers

  /** The repository root: Maven runs tests in the module directory, so deploy/ is one level up. */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("deploy/kubernetes"))) {
        return p;
      }
    }
    throw new IllegalStateException("no deploy/kubernetes above " + dir);
  }

  private static List<Violation> checkFixture(String name, Scope scope)
      throws IOException, URISyntaxException {
    URL url = DeploymentManifestsTest.class.getResource("/deploy-fixtures/" + name);
    assertThat(url).as("fixture %s", name).isNotNull();
    return ManifestChecker.check(ManifestChecker.load(Path.of(url.toURI())), scope);
  }

  private static List<String> details(List<Violation> violations, Rule rule) {
    return violations.stream().filter(v -> v.rule() == rule).map(Violation::detail).toList();
  }

  private static List<Rule> rules(List<Violation> violations) {
    return violations.stream().map(Violation::rule).toList();
  }

  /** The documents the base kustomization applies (its resources). */
  private static List<Document> baseResources() throws IOException {
    Map<String, Object> k =
        map(ManifestChecker.parse(BASE.resolve("kustomization.yaml")).get(0).content());
    List<Document> docs = new ArrayList<>();
    for (String resource : strings(k.get("resources"))) {
      docs.addAll(ManifestChecker.parse(BASE.resolve(resource)));
    }
    return docs;
  }

  private static Document single(String kind) throws IOException {
    List<Document> found = baseResources().stream().filter(d -> d.kind().equals(kind)).toList();
    assertThat(found).as("base %s", kind).hasSize(1);
    return found.get(0);
  }

  private static Map<String, Object> podSpec(Document deployment) {
    return map(map(map(map(deployment.content()).get("spec")).get("template")).get("spec"));
  }

  private static Map<String, Object> secretKeyRef(Map<String, Object> envVar) {
    assertThat(envVar).as("environment variable").isNotNull().doesNotContainKey("value");
    return map(map(envVar.get("valueFrom")).get("secretKeyRef"));
  }

  private static List<String> referencedPaths(Map<String, Object> kustomization) {
    List<String> paths = new ArrayList<>(strings(kustomization.get("resources")));
    paths.addAll(strings(kustomization.get("components")));
    for (Object p : list(kustomization.get("patches"))) {
      if (map(p).get("path") != null) {
        paths.add(text(map(p).get("path")));
      }
    }
    return paths;
  }

  private static boolean kubectlAvailable() {
    try {
      Process p =
          new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      p.getInputStream().transferTo(OutputStream.nullOutputStream());
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static List<Document> render(Path kustomizationDir) throws Exception {
    Process p =
        new ProcessBuilder("kubectl", "kustomize", kustomizationDir.toString())
            .redirectErrorStream(true)
            .start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String yaml = out.toString(StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("kubectl kustomize %s: %s", kustomizationDir, yaml).isZero();
    return ManifestChecker.parse(yaml, kustomizationDir.resolve("(rendered)"));
  }
}
