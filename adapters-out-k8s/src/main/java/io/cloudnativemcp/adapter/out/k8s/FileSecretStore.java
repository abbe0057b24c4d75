package io.cloudnativemcp.adapter.out.k8s;

import io.cloudnativemcp.application.port.out.SecretStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Secrets as files in a directory, one file per secret, as a Kubernetes Secret volume mounts
 * them. Every read goes to the file, so a Secret updated by the kubelet is picked up without a
 * restart. Writable only when the directory is (Secret volumes are read-only).
 */
public final class FileSecretStore implements SecretStore {
  private final Path directory;

  public FileSecretStore(Path directory) {
    this.directory = directory;
  }

  @Override
  public Optional<String> read(String name) {
    Path file = resolve(name);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read secret " + name + " from " + directory, e);
    }
  }

  @Override
  public void write(String name, String value) {
    if (!writable()) {
      throw new UnsupportedOperationException("the secret directory " + directory + " is read-only");
    }
    Path target = resolve(name);
    Path tmp = null;
    try {
      tmp = Files.createTempFile(directory, "." + name, ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not POSIX: the directory's protection applies
      }
      Files.writeString(tmp, value, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write secret " + name + " to " + directory, e);
    } finally {
      if (tmp != null) {
        // The half-written file holds the secret: it must not stay behind.
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing more can be done; the failure above is what the caller sees
        }
      }
    }
  }

  @Override
  public boolean writable() {
    return Files.isDirectory(directory) && Files.isWritable(directory);
  }

  @Override
  public String describe() {
    return "files in " + directory;
  }

  private Path resolve(String name) {
    return directory.resolve(SecretNames.checked(name));
  }
}
