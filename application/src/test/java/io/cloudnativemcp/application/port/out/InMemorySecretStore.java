package io.cloudnativemcp.application.port.out;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Secrets in a map; read-only or failing on write when told so. */
public final class InMemorySecretStore implements SecretStore {
  private final Map<String, String> secrets = new LinkedHashMap<>();
  private final boolean writable;
  private RuntimeException writeFailure;
  private int writeAttempts;

  private InMemorySecretStore(boolean writable) {
    this.writable = writable;
  }

  public static InMemorySecretStore writableStore() {
    return new InMemorySecretStore(true);
  }

  public static InMemorySecretStore readOnlyStore() {
    return new InMemorySecretStore(false);
  }

  @Override
  public synchronized Optional<String> read(String name) {
    return Optional.ofNullable(secrets.get(name));
  }

  @Override
  public synchronized void write(String name, String value) {
    writeAttempts++;
    if (!writable) {
      throw new UnsupportedOperationException("read-only secret store (test)");
    }
    if (writeFailure != null) {
      throw writeFailure;
    }
    secrets.put(Objects.requireNonNull(name, "'name' must not be null"), Objects.requireNonNull(value, "'value' must not be null"));
  }

  @Override
  public boolean writable() {
    return writable;
  }

  @Override
  public String describe() {
    return writable ? "in-memory secrets (test)" : "read-only in-memory secrets (test)";
  }

  /** Every later write fails with {@code e}. */
  public synchronized void failWritesWith(RuntimeException e) {
    writeFailure = Objects.requireNonNull(e, "'e' must not be null");
  }

  public synchronized Map<String, String> secrets() {
    return Map.copyOf(secrets);
  }

  public synchronized int writeAttempts() {
    return writeAttempts;
  }
}
