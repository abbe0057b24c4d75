package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import io.cloudnativemcp.application.port.out.ManifestReader;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.tool.InvalidToolArgumentException;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code kubernetes_create_resource}: create one object from metadata and spec, or from a whole manifest. */
final class CreateResourceTool implements Tool {
  private static final ToolDescriptor DESCRIPTOR =
      Specs.tool(
          "kubernetes_create_resource",
          "Create resource",
          "Create one Kubernetes object that does not exist yet. Either give metadata (with name or"
              + " generateName, labels, annotations) and spec as objects, with apiVersion (found by"
              + " discovery when omitted); or give manifest: the whole object, as an object or as YAML"
              + " or JSON text. The namespace comes from the namespace argument or metadata.namespace"
              + " (default: default).",
          ToolRisk.MUTATING,
          false,
          Changes.schema(),
          Parameters.kind("Kind to create, such as Deployment, Service, ConfigMap or a custom kind."),
          ToolParameter.optionalString("apiVersion", "API version, such as v1 or apps/v1; the preferred version when omitted."),
          ToolParameter.optionalObject("metadata", "Object metadata: name or generateName, namespace, labels, annotations."),
          ToolParameter.optionalObject("spec", "The object's spec, for kinds that have one."),
          ToolParameter.optionalAny("manifest", "The whole object instead of apiVersion/metadata/spec: an object, or YAML or JSON text."),
          Parameters.namespace("Namespace for a namespaced kind; must agree with metadata.namespace when both are given."));

  private final Cluster cluster;
  private final ManifestReader reader;

  CreateResourceTool(Cluster cluster, ManifestReader reader) {
    this.cluster = cluster;
    this.reader = reader;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** The namespace the object lands in, so the policy decides on it (not on an argument that may be absent). */
  @Override
  public Optional<String> namespace(ToolArguments args) {
    Optional<String> given = Tool.super.namespace(args);
    Optional<String> inManifest = Optional.ofNullable(string(manifest(args), "metadata", "namespace")).filter(s -> !s.isBlank());
    if (given.isPresent() && inManifest.isPresent() && !given.get().equals(inManifest.get())) {
      throw new InvalidToolArgumentException(
          "namespace", "is '" + given.get() + "' but metadata.namespace is '" + inManifest.get() + "'; give one or make them agree");
    }
    return given.or(() -> inManifest);
  }

  @Override
  public String confirmation(ToolArguments args) {
    Map<String, Object> m = manifest(args);
    return "Create " + args.requiredString("kind") + " " + Texts.qualified(namespace(args).orElse(null), string(m, "metadata", "name")) + "?";
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> manifest(ToolArguments args) {
    Map<String, Object> manifest;
    if (args.value("manifest").isPresent()) {
      for (String p : new String[] {"metadata", "spec", "apiVersion"}) {
        if (args.has(p)) {
          throw new InvalidToolArgumentException(p, "cannot be combined with manifest; put it inside the manifest");
        }
      }
      Object parsed = Changes.objectOrText(args.value("manifest").get(), "manifest", reader);
      if (!(parsed instanceof Map<?, ?> m)) {
        throw new InvalidToolArgumentException("manifest", "must be one object, not a list");
      }
      manifest = new LinkedHashMap<>((Map<String, Object>) m);
    } else {
      Map<String, Object> metadata =
          args.object("metadata").orElseThrow(() -> new InvalidToolArgumentException("metadata", "is required (or give manifest)"));
      manifest = new LinkedHashMap<>();
      args.string("apiVersion").ifPresent(v -> manifest.put("apiVersion", v));
      manifest.put("metadata", new LinkedHashMap<>(metadata));
      args.object("spec").ifPresent(s -> manifest.put("spec", s));
    }
    Object meta = manifest.get("metadata");
    if (!(meta instanceof Map<?, ?>)) {
      throw new InvalidToolArgumentException(args.value("manifest").isPresent() ? "manifest" : "metadata", "needs a metadata object");
    }
    manifest.put("metadata", new LinkedHashMap<>((Map<String, Object>) meta));
    if (string(manifest, "metadata", "name") == null && string(manifest, "metadata", "generateName") == null) {
      throw new InvalidToolArgumentException(
          args.value("manifest").isPresent() ? "manifest" : "metadata", "needs metadata.name or metadata.generateName");
    }
    return manifest;
  }

  @Override
  @SuppressWarnings("unchecked")
  public ToolResult call(ToolArguments args, ToolCall call) {
    ClusterSession session = cluster.session(args, call);
    Map<String, Object> manifest = manifest(args);
    ApiResource type = session.resolve(args.requiredString("kind"));
    if (manifest.get("kind") != null && !type.kind().equalsIgnoreCase(String.valueOf(manifest.get("kind")))) {
      throw new InvalidToolArgumentException("kind", "is " + type.kind() + " but the manifest's kind is " + manifest.get("kind"));
    }
    manifest.put("kind", type.kind());
    Object apiVersion = manifest.get("apiVersion");
    if (apiVersion == null) {
      manifest.put("apiVersion", type.apiVersion());
    } else {
      String group = String.valueOf(apiVersion).contains("/") ? String.valueOf(apiVersion).substring(0, String.valueOf(apiVersion).indexOf('/')) : "";
      if (!group.equals(type.group())) {
        throw new InvalidToolArgumentException(
            "apiVersion", "'" + apiVersion + "' is not of the API group of " + type.kind() + " (" + type.apiVersion() + ")");
      }
    }
    Map<String, Object> metadata = (Map<String, Object>) manifest.get("metadata");
    Optional<String> namespace = namespace(args);
    if (type.namespaced()) {
      metadata.put("namespace", namespace.orElse(ClusterSession.DEFAULT_NAMESPACE));
    } else {
      metadata.remove("namespace");
    }
    Map<String, Object> created = session.create(type, manifest, type.namespaced() ? Optional.of(Objects.toString(metadata.get("namespace"))) : Optional.empty());
    String name = ObjectFields.string(created, "metadata", "name");
    String text = "Created " + Changes.label(type, ObjectFields.string(created, "metadata", "namespace"), name)
        + (string(created, "metadata", "uid") == null ? "" : " (uid " + string(created, "metadata", "uid") + ")") + ".\n";
    return new ToolResult(text, Changes.result("created", type, created, name, namespace.orElse(null)));
  }
}
