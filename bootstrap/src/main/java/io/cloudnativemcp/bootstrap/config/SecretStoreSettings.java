package io.cloudnativemcp.bootstrap.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where secrets are read and written ({@code secrets.store}).
 *
 * @param kind env (read-only: environment and configuration), file (a directory, such as a mounted
 *     Secret volume; one file per secret), or kubernetes (a Secret read and written through the API)
 * @param directory the directory of the file store
 * @param namespace namespace of the Kubernetes Secret
 * @param name name of the Kubernetes Secret
 */
public record SecretStoreSettings(Kind kind, Optional<Path> directory, Optional<String> namespace, Optional<String> name) {

  /** Kinds of secret store. */
  public enum Kind {
    ENV,
    FILE,
    KUBERNETES;

    public static Kind fromConfig(String v) {
      return switch (v.trim().toLowerCase(Locale.ROOT)) {
        case "env", "environment", "config" -> ENV;
        case "file", "files" -> FILE;
        case "kubernetes", "k8s" -> KUBERNETES;
        default -> throw new IllegalArgumentException("must be env, file or kubernetes (got '" + v + "')");
      };
    }
  }
}
