package io.cloudnativemcp.adapter.out.k8s;

/** Names both secret stores accept: the keys a Kubernetes Secret may hold, which are also safe file names. */
final class SecretNames {
  private SecretNames() {}

  /**
   * @return the name, when it is 1–253 letters, digits, {@code .}, {@code _} or {@code -} and
   *     does not start with a dot
   * @throws IllegalArgumentException otherwise (no path traversal, nothing spliced into JSON)
   */
  static String checked(String name) {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,253}") || name.startsWith(".")) {
      throw new IllegalArgumentException("invalid secret name: " + name);
    }
    return name;
  }
}
