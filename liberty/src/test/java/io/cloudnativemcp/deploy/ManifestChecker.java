package io.cloudnativemcp.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Test support: checks Kubernetes manifests (plain resources, kustomizations and kustomize patches)
 * against the deployment rules of the security guide and returns every violation found.
 *
 * <p>Rules for every manifest: no wildcard and no cluster-admin in RBAC; hardened containers
 * (non-root, read-only root filesystem, no privilege escalation, all capabilities dropped, seccomp
 * RuntimeDefault); no secret as a literal (environment variables, ConfigMaps, Secret manifests);
 * images pinned to a version or digest; long-running workloads with probes, requests and limits.
 * Rules for the base only: read-only RBAC without Secrets, and UID 1000 (the guide's runAsUser).
 *
 * <p>A file named by a kustomization's {@code patches} is a partial object: it is checked for
 * literals and images only, since the fields it does not mention come from the base.
 */
final class ManifestChecker {

  /** What a violation breaks. */
  enum Rule {
    RBAC_WILDCARD,
    RBAC_CLUSTER_ADMIN,
    RBAC_SECRETS_IN_BASE,
    RBAC_BASE_NOT_READ_ONLY,
    CONTAINER_SECURITY_CONTEXT,
    SECCOMP,
    RUN_AS_USER,
    ENV_SECRET_LITERAL,
    CREDENTIAL_LITERAL,
    CONFIGMAP_SECRET_LITERAL,
    SECRET_WITH_VALUES,
    IMAGE_NOT_PINNED,
    PROBES_MISSING,
    RESOURCES_MISSING
  }

  /** Where the manifests belong: the base must meet stricter rules than the opt-in components. */
  enum Scope {
    BASE,
    OPT_IN
  }

  /** One broken rule, with the file, the object and what is wrong. */
  record Violation(Rule rule, String source, String object, String detail) {
    @Override
    public String toString() {
      return "[" + rule + "] " + source + " " + object + ": " + detail;
    }
  }

  /** One YAML document of a manifest file ({@code index} counts from 0 within the file). */
  record Document(Path file, int index, Object content) {

    Optional<Map<String, Object>> object() {
      return content instanceof Map<?, ?> m ? Optional.of(cast(m)) : Optional.empty();
    }

    String kind() {
      return object().map(m -> text(m.get("kind"))).orElse("");
    }

    String name() {
      return object().map(m -> text(map(m.get("metadata")).get("name"))).orElse("");
    }

    String label() {
      return kind().isEmpty() ? "(document " + index + ")" : kind() + "/" + name();
    }
  }

  static final int BASE_RUN_AS_USER = 1000;

  private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");
  private static final Set<String> KUSTOMIZATION_FILES =
      Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");
  private static final Set<String> LONG_RUNNING = Set.of("Deployment", "StatefulSet", "DaemonSet");

  /** Environment variable names that announce a secret (the brief's list, case-insensitive). */
  private static final Pattern SECRET_ENV_NAME =
      Pattern.compile("(?i).*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL).*");

  /** A name that refers to a file, e.g. SERVER_TLS_KEYFILE: its value is a path, not the secret. */
  private static final Pattern FILE_REFERENCE_NAME =
      Pattern.compile("(?i).*(FILE|FILES|PATH|DIR|LOCATION)$");

  /** config.yaml keys that hold secrets (auth.apiKey, audit.database.password, …). */
  private static final Pattern SECRET_CONFIG_KEY =
      Pattern.compile(
          "(?i).*(api[-_]?key|password|passwd|secret|token|credential|private[-_]?key).*");

  /** {@code ${VAR}} or {@code ${VAR:}}: a reference whose default, if any, is empty. */
  private static final Pattern SECRET_REFERENCE =
      Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_.]*:?}");

  /** Kubernetes' own dependent-variable syntax in env values, {@code $(VAR)}. */
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\([A-Za-z_][A-Za-z0-9_]*\\)");

  private static final List<Pattern> CREDENTIAL_PATTERNS =
      List.of(
          Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
          Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"),
          Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
          Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}"),
          Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
          Pattern.compile("(?i)^(bearer|basic)\\s+\\S{8,}"),
          // user:password@ in a URL (jdbc:postgresql://mcp:s3cret@db/mcp)
          Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@"),
          // password=… in a connection string; a ${VAR} or $(VAR) reference is not a literal
          Pattern.compile("(?i)(password|pwd|secret|token|api[-_]?key)\\s*[=:]\\s*[^\\s$'\"]"));

  private static final Pattern VERSION_TAG =
      Pattern.compile("v?\\d+(\\.\\d+)+([-+._][0-9A-Za-z][0-9A-Za-z.+_-]*)?");
  private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");

  private ManifestChecker() {}

  // ---------------------------------------------------------------- loading

  /** Every YAML document of a file, or of every *.yaml / *.yml file below a directory. */
  static List<Document> load(Path fileOrDirectory) throws IOException {
    List<Path> files;
    if (Files.isDirectory(fileOrDirectory)) {
      try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
        files = walk.filter(Files::isRegularFile).filter(ManifestChecker::isYaml).sorted().toList();
      }
    } else {
      files = List.of(fileOrDirectory);
    }
    List<Document> documents = new ArrayList<>();
    for (Path file : files) {
      documents.addAll(parse(file));
    }
    return documents;
  }

  /** The documents of one file; a syntax error names the file. */
  static List<Document> parse(Path file) throws IOException {
    List<Document> documents = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int index = 0;
      for (Object content : yaml().loadAll(reader)) {
        if (content != null) {
          documents.add(new Document(file, index, content));
        }
        index++;
      }
    } catch (YAMLException e) {
      throw new IOException(file + " is not valid YAML: " + e.getMessage(), e);
    }
    return documents;
  }

  /** The documents of a YAML text, e.g. the output of {@code kubectl kustomize}. */
  static List<Document> parse(String yamlText, Path source) {
    List<Document> documents = new ArrayList<>();
    int index = 0;
    for (Object content : yaml().loadAll(yamlText)) {
      if (content != null) {
        documents.add(new Document(source, index, content));
      }
      index++;
    }
    return documents;
  }

  private static Yaml yaml() {
    // SafeConstructor: plain maps, lists and scalars only; no arbitrary Java types from the file.
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }

  private static boolean isYaml(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  static boolean isKustomization(Document d) {
    return KUSTOMIZATION_FILES.contains(d.file().getFileName().toString());
  }

  /** Files that the kustomizations among {@code documents} use as patches. */
  static Set<Path> patchFiles(Collection<Document> documents) {
    Set<Path> patches = new HashSet<>();
    for (Document d : documents) {
      if (!isKustomization(d) || d.object().isEmpty()) {
        continue;
      }
      Path dir = d.file().toAbsolutePath().getParent();
      Map<String, Object> k = d.object().get();
      for (Object p : list(k.get("patches"))) {
        Object path = p instanceof Map<?, ?> m ? m.get("path") : null;
        if (path != null) {
          patches.add(dir.resolve(text(path)).normalize());
        }
      }
      for (Object p : list(k.get("patchesJson6902"))) {
        Object path = p instanceof Map<?, ?> m ? m.get("path") : null;
        if (path != null) {
          patches.add(dir.resolve(text(path)).normalize());
        }
      }
      for (Object p : list(k.get("patchesStrategicMerge"))) {
        if (p instanceof String s && !s.contains("\n")) {
          patches.add(dir.resolve(s).normalize());
        }
      }
    }
    return patches;
  }

  /** The paths a JSON 6902 patch document removes. */
  static Set<String> removedPaths(Document patch) {
    Set<String> removed = new LinkedHashSet<>();
    for (Object op : list(patch.content())) {
      Map<String, Object> m = map(op);
      if ("remove".equals(m.get("op"))) {
        removed.add(text(m.get("path")));
      }
    }
    return removed;
  }

  // ---------------------------------------------------------------- checking

  /** Every violation in {@code documents}, checked with the rules of {@code scope}. */
  static List<Violation> check(Collection<Document> documents, Scope scope) {
    Set<Path> patches = patchFiles(documents);
    List<Violation> out = new ArrayList<>();
    for (Document d : documents) {
      boolean isPatch = patches.contains(d.file().toAbsolutePath().normalize());
      if (isKustomization(d)) {
        checkKustomization(d, out);
      } else if (isPatch) {
        checkPatch(d, out);
      } else if (d.object().isPresent() && !d.kind().isEmpty()) {
        checkObject(d, scope, out);
      }
    }
    return out;
  }

  private static void checkObject(Document d, Scope scope, List<Violation> out) {
    Map<String, Object> o = d.object().orElseThrow();
    switch (d.kind()) {
      case "ClusterRole", "Role" -> checkRole(d, o, scope, out);
      case "ClusterRoleBinding", "RoleBinding" -> checkBinding(d, o, out);
      case "ConfigMap" -> checkConfigMap(d, o, out);
      case "Secret" -> checkSecret(d, o, out);
      default -> podSpecOf(d.kind(), o).ifPresent(spec -> checkWorkload(d, spec, scope, out));
    }
  }

  private static Optional<Map<String, Object>> podSpecOf(String kind, Map<String, Object> o) {
    Map<String, Object> spec = map(o.get("spec"));
    return switch (kind) {
      case "Pod" -> Optional.of(spec);
      case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" ->
          Optional.of(map(map(spec.get("template")).get("spec")));
      case "CronJob" ->
          Optional.of(
              map(map(map(map(spec.get("jobTemplate")).get("spec")).get("template")).get("spec")));
      default -> Optional.empty();
    };
  }

  // RBAC

  private static void checkRole(
      Document d, Map<String, Object> role, Scope scope, List<Violation> out) {
    if ("cluster-admin".equals(d.name())) {
      add(out, Rule.RBAC_CLUSTER_ADMIN, d, "defines cluster-admin");
    }
    int i = 0;
    for (Object r : list(role.get("rules"))) {
      Map<String, Object> rule = map(r);
      for (String field :
          List.of("apiGroups", "resources", "verbs", "resourceNames", "nonResourceURLs")) {
        for (Object v : list(rule.get(field))) {
          if (text(v).contains("*")) {
            add(out, Rule.RBAC_WILDCARD, d, "rules[" + i + "]." + field + " contains '" + v + "'");
          }
        }
      }
      List<String> groups = strings(rule.get("apiGroups"));
      List<String> resources = strings(rule.get("resources"));
      if (scope == Scope.BASE && groups.contains("") && resources.contains("secrets")) {
        add(
            out,
            Rule.RBAC_SECRETS_IN_BASE,
            d,
            "rules[" + i + "] grants access to secrets (opt-in only: components/secrets-read)");
      }
      if (scope == Scope.BASE) {
        for (String verb : strings(rule.get("verbs"))) {
          if (!READ_VERBS.contains(verb)) {
            add(
                out,
                Rule.RBAC_BASE_NOT_READ_ONLY,
                d,
                "rules[" + i + "] grants '" + verb + "'; the base may only get, list and watch");
          }
        }
      }
      i++;
    }
  }

  private static void checkBinding(Document d, Map<String, Object> binding, List<Violation> out) {
    if ("cluster-admin".equals(text(map(binding.get("roleRef")).get("name")))) {
      add(out, Rule.RBAC_CLUSTER_ADMIN, d, "binds cluster-admin");
    }
    for (Object s : list(binding.get("subjects"))) {
      Map<String, Object> subject = map(s);
      if ("Group".equals(subject.get("kind")) && "system:masters".equals(subject.get("name"))) {
        add(out, Rule.RBAC_CLUSTER_ADMIN, d, "binds the group system:masters");
      }
    }
  }

  // Workloads

  private static void checkWorkload(
      Document d, Map<String, Object> pod, Scope scope, List<Violation> out) {
    Map<String, Object> podSc = map(pod.get("securityContext"));
    for (String hostNamespace : List.of("hostNetwork", "hostPID", "hostIPC")) {
      if (Boolean.TRUE.equals(pod.get(hostNamespace))) {
        add(out, Rule.CONTAINER_SECURITY_CONTEXT, d, hostNamespace + " is true");
      }
    }
    boolean longRunning = LONG_RUNNING.contains(d.kind());
    for (String group : List.of("initContainers", "containers")) {
      for (Object c : list(pod.get(group))) {
        Map<String, Object> container = map(c);
        String where = group + "/" + text(container.get("name"));
        checkContainerSecurity(d, where, map(container.get("securityContext")), podSc, scope, out);
        checkImage(d, where, text(container.get("image")), out);
        checkEnv(d, where, container.get("env"), out);
        if (longRunning) {
          checkResources(d, where, map(container.get("resources")), out);
          if (group.equals("containers")) {
            for (String probe : List.of("livenessProbe", "readinessProbe")) {
              if (container.get(probe) == null) {
                add(out, Rule.PROBES_MISSING, d, where + " has no " + probe);
              }
            }
          }
        }
      }
    }
  }

  private static void checkContainerSecurity(
      Document d,
      String where,
      Map<String, Object> sc,
      Map<String, Object> podSc,
      Scope scope,
      List<Violation> out) {
    // A container's setting wins over the pod's, as in Kubernetes.
    Object runAsNonRoot =
        sc.containsKey("runAsNonRoot") ? sc.get("runAsNonRoot") : podSc.get("runAsNonRoot");
    if (!Boolean.TRUE.equals(runAsNonRoot)) {
      add(out, Rule.CONTAINER_SECURITY_CONTEXT, d, where + ": runAsNonRoot is not true");
    }
    if (!Boolean.TRUE.equals(sc.get("readOnlyRootFilesystem"))) {
      add(out, Rule.CONTAINER_SECURITY_CONTEXT, d, where + ": readOnlyRootFilesystem is not true");
    }
    if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))) {
      add(
          out,
          Rule.CONTAINER_SECURITY_CONTEXT,
          d,
          where + ": allowPrivilegeEscalation is not false");
    }
    if (Boolean.TRUE.equals(sc.get("privileged"))) {
      add(out, Rule.CONTAINER_SECURITY_CONTEXT, d, where + ": privileged is true");
    }
    Map<String, Object> capabilities = map(sc.get("capabilities"));
    if (strings(capabilities.get("drop")).stream().noneMatch("ALL"::equalsIgnoreCase)) {
      add(out, Rule.CONTAINER_SECURITY_CONTEXT, d, where + ": capabilities.drop lacks ALL");
    }
    if (!list(capabilities.get("add")).isEmpty()) {
      add(
          out,
          Rule.CONTAINER_SECURITY_CONTEXT,
          d,
          where + ": capabilities.add " + capabilities.get("add"));
    }
    Object seccomp =
        map(sc.containsKey("seccompProfile")
                ? sc.get("seccompProfile")
                : podSc.get("seccompProfile"))
            .get("type");
    if (!"RuntimeDefault".equals(seccomp)) {
      add(
          out,
          Rule.SECCOMP,
          d,
          where
              + ": seccompProfile.type is "
              + seccomp
              + ", not RuntimeDefault (pod or container)");
    }
    Object runAsUser = sc.containsKey("runAsUser") ? sc.get("runAsUser") : podSc.get("runAsUser");
    if (runAsUser instanceof Number n && n.longValue() == 0) {
      add(out, Rule.RUN_AS_USER, d, where + ": runAsUser is 0 (root)");
    } else if (scope == Scope.BASE
        && !(runAsUser instanceof Number n && n.longValue() == BASE_RUN_AS_USER)) {
      add(
          out,
          Rule.RUN_AS_USER,
          d,
          where + ": runAsUser is " + runAsUser + ", the base runs as " + BASE_RUN_AS_USER);
    }
  }

  private static void checkResources(
      Document d, String where, Map<String, Object> resources, List<Violation> out) {
    for (String kind : List.of("requests", "limits")) {
      Map<String, Object> amounts = map(resources.get(kind));
      for (String resource : List.of("cpu", "memory")) {
        if (amounts.get(resource) == null) {
          add(out, Rule.RESOURCES_MISSING, d, where + " has no " + kind + "." + resource);
        }
      }
    }
  }

  // Literals

  private static void checkEnv(Document d, String where, Object env, List<Violation> out) {
    for (Object e : list(env)) {
      Map<String, Object> var = map(e);
      if (!var.containsKey("value") || var.get("value") == null) {
        continue; // valueFrom: a reference, which is how secrets must arrive
      }
      String name = text(var.get("name"));
      String value = text(var.get("value"));
      if (value.isEmpty() || ENV_REFERENCE.matcher(value).matches()) {
        continue;
      }
      boolean pathToFile = FILE_REFERENCE_NAME.matcher(name).matches() && value.startsWith("/");
      if (SECRET_ENV_NAME.matcher(name).matches() && !pathToFile) {
        add(
            out,
            Rule.ENV_SECRET_LITERAL,
            d,
            where + ": env " + name + " has a literal value; use valueFrom.secretKeyRef");
      } else if (looksLikeCredential(value)) {
        add(out, Rule.CREDENTIAL_LITERAL, d, where + ": env " + name + " looks like a credential");
      }
    }
  }

  private static void checkConfigMap(Document d, Map<String, Object> cm, List<Violation> out) {
    Map<String, Object> data = map(cm.get("data"));
    for (Map.Entry<String, Object> entry : data.entrySet()) {
      String key = entry.getKey();
      String value = text(entry.getValue());
      if (key.endsWith(".yaml") || key.endsWith(".yml")) {
        try {
          for (Object doc : yaml().loadAll(value)) {
            checkConfigTree(d, key, "", doc, out);
          }
          continue;
        } catch (YAMLException e) {
          // not YAML after all: checked line by line below
        }
      }
      if (value.contains("\n")) {
        int n = 1;
        for (String line : value.split("\n")) {
          String[] kv = line.split("[=:]", 2);
          if (kv.length == 2 && !line.trim().startsWith("#")) {
            checkConfigValue(d, key + ":" + n, kv[0].trim(), kv[1].trim(), out);
          }
          n++;
        }
      } else {
        checkConfigValue(d, key, key, value, out);
      }
    }
  }

  private static void checkConfigTree(
      Document d, String dataKey, String path, Object node, List<Violation> out) {
    if (node instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String p = path.isEmpty() ? text(e.getKey()) : path + "." + e.getKey();
        checkConfigTree(d, dataKey, p, e.getValue(), out);
      }
    } else if (node instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        checkConfigTree(d, dataKey, path + "[" + i + "]", l.get(i), out);
      }
    } else if (node instanceof String s) {
      String leaf = path.substring(path.lastIndexOf('.') + 1);
      checkConfigValue(d, dataKey + " " + path, leaf, s, out);
    }
  }

  private static void checkConfigValue(
      Document d, String where, String keyName, String value, List<Violation> out) {
    String v = unquote(value.trim());
    if (v.isEmpty()) {
      return;
    }
    if (SECRET_CONFIG_KEY.matcher(keyName).matches()) {
      if (!SECRET_REFERENCE.matcher(v).matches()) {
        add(
            out,
            Rule.CONFIGMAP_SECRET_LITERAL,
            d,
            where + " is a secret written as a literal; write \"${VARIABLE}\" and use a Secret");
      }
    } else if (looksLikeCredential(v)) {
      add(out, Rule.CONFIGMAP_SECRET_LITERAL, d, where + " looks like a credential");
    }
  }

  private static void checkSecret(Document d, Map<String, Object> secret, List<Violation> out) {
    for (String field : List.of("data", "stringData")) {
      Map<String, Object> values = map(secret.get(field));
      if (!values.isEmpty()) {
        add(
            out,
            Rule.SECRET_WITH_VALUES,
            d,
            field + " holds " + values.keySet() + "; create Secrets with kubectl, not from git");
      }
    }
  }

  /** Credential shapes: known token formats, URL passwords, and generated-key look-alikes. */
  static boolean looksLikeCredential(String value) {
    for (Pattern p : CREDENTIAL_PATTERNS) {
      if (p.matcher(value).find()) {
        return true;
      }
    }
    if (value.length() < 16
        || value.chars().anyMatch(Character::isWhitespace)
        || value.startsWith("/")
        || value.contains("://")
        || value.startsWith("${")) {
      return false;
    }
    boolean upper = value.chars().anyMatch(Character::isUpperCase);
    boolean lower = value.chars().anyMatch(Character::isLowerCase);
    boolean digit = value.chars().anyMatch(Character::isDigit);
    boolean special = value.chars().anyMatch(ch -> !Character.isLetterOrDigit(ch));
    // The shape of the guide's key rule (three character classes and 16 or more characters), or a long random token.
    return upper && lower && digit && (special || value.length() >= 32);
  }

  // Images

  private static void checkImage(Document d, String where, String image, List<Violation> out) {
    if (image.isEmpty()) {
      add(out, Rule.IMAGE_NOT_PINNED, d, where + " has no image");
      return;
    }
    imageProblem(image)
        .ifPresent(problem -> add(out, Rule.IMAGE_NOT_PINNED, d, where + ": " + problem));
  }

  /** Why an image reference is not pinned, if it is not. */
  static Optional<String> imageProblem(String image) {
    int at = image.indexOf('@');
    if (at >= 0) {
      String digest = image.substring(at + 1);
      return DIGEST.matcher(digest).matches()
          ? Optional.empty()
          : Optional.of(image + " has a malformed digest");
    }
    int slash = image.lastIndexOf('/');
    int colon = image.indexOf(':', slash + 1);
    if (colon < 0) {
      return Optional.of(image + " has no tag (it means latest)");
    }
    return tagProblem(image, image.substring(colon + 1));
  }

  private static Optional<String> tagProblem(String image, String tag) {
    if (tag.equalsIgnoreCase("latest")) {
      return Optional.of(image + " uses the tag latest");
    }
    if (tag.toLowerCase(Locale.ROOT).contains("snapshot")) {
      return Optional.of(image + " uses a snapshot tag, which is overwritten by every build");
    }
    if (!VERSION_TAG.matcher(tag).matches()) {
      return Optional.of(image + " has the tag '" + tag + "', which is not a version");
    }
    return Optional.empty();
  }

  private static void checkKustomization(Document d, List<Violation> out) {
    for (Object i : list(d.object().map(m -> m.get("images")).orElse(null))) {
      Map<String, Object> entry = map(i);
      String name = text(entry.getOrDefault("newName", entry.get("name")));
      if (entry.get("digest") != null) {
        if (!DIGEST.matcher(text(entry.get("digest"))).matches()) {
          add(out, Rule.IMAGE_NOT_PINNED, d, "images: " + name + " has a malformed digest");
        }
      } else if (entry.get("newTag") != null) {
        tagProblem(name, text(entry.get("newTag")))
            .ifPresent(problem -> add(out, Rule.IMAGE_NOT_PINNED, d, "images: " + problem));
      }
    }
  }

  /** A patch is partial: only what it sets is checked (literals and images). */
  private static void checkPatch(Document d, List<Violation> out) {
    if (d.content() instanceof List<?> ops) {
      for (Object o : ops) {
        Map<String, Object> op = map(o);
        String path = text(op.get("path"));
        Object value = op.get("value");
        if (path.matches(".*/env(/.*)?")) {
          checkEnv(d, "patch " + path, value instanceof List<?> ? value : List.of(value), out);
        } else if (path.endsWith("/image")) {
          checkImage(d, "patch " + path, text(value), out);
        } else if (value instanceof Map<?, ?> m && m.containsKey("image")) {
          checkImage(d, "patch " + path, text(m.get("image")), out);
          checkEnv(d, "patch " + path, m.get("env"), out);
        }
      }
      return;
    }
    d.object()
        .flatMap(o -> podSpecOf(d.kind(), o))
        .ifPresent(
            pod -> {
              for (String group : List.of("initContainers", "containers")) {
                for (Object c : list(pod.get(group))) {
                  Map<String, Object> container = map(c);
                  String where = "patch " + group + "/" + text(container.get("name"));
                  if (container.get("image") != null) {
                    checkImage(d, where, text(container.get("image")), out);
                  }
                  checkEnv(d, where, container.get("env"), out);
                }
              }
            });
    if (d.kind().equals("ConfigMap")) {
      checkConfigMap(d, d.object().orElseThrow(), out);
    } else if (d.kind().equals("Secret")) {
      checkSecret(d, d.object().orElseThrow(), out);
    }
  }

  // ---------------------------------------------------------------- helpers

  private static void add(List<Violation> out, Rule rule, Document d, String detail) {
    out.add(new Violation(rule, d.file().getFileName() + "#" + d.index(), d.label(), detail));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? cast(m) : Map.of();
  }

  static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  static List<String> strings(Object o) {
    return list(o).stream().map(ManifestChecker::text).toList();
  }

  static String text(Object o) {
    return o == null ? "" : Objects.toString(o);
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
