package io.cloudnativemcp.bootstrap.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The directory the server was started from, against which a relative {@code MCP_CONFIG} and the
 * default {@code ./config.yaml} resolve (and, without a file, the default {@code ./data}).
 *
 * <p>Liberty's {@code bin/server} script, which {@code java -jar} also runs (from the extracted
 * jar), changes into the server's own directory before it starts the JVM, so the JVM's working
 * directory is not the user's. The shell keeps the directory it left in {@code OLDPWD}; the script
 * announces itself with {@code INVOKED}. Without the script (an embedded or test launch) the JVM's
 * working directory is the right one.
 */
final class LaunchDirectory {
  private LaunchDirectory() {}

  static Path get() {
    return of(System.getenv(), Path.of(System.getProperty("user.dir")));
  }

  static Path of(Map<String, String> env, Path workingDirectory) {
    String invoked = env.get("INVOKED");
    String previous = env.get("OLDPWD");
    if (invoked != null && invoked.endsWith("/bin/server") && previous != null && !previous.isBlank()) {
      Path launched = Path.of(previous);
      if (launched.isAbsolute() && Files.isDirectory(launched)) {
        return launched;
      }
    }
    return workingDirectory.toAbsolutePath();
  }
}
