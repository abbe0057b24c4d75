package it.io.cloudnativemcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Stops and starts the machine's PostgreSQL cluster (Debian's pg_ctlcluster), for failure tests. */
final class PostgresControl {
  private PostgresControl() {}

  static String version() throws IOException {
    try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
      return versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b)
          .orElseThrow(() -> new IOException("no cluster under /etc/postgresql"));
    }
  }

  static void stop() throws Exception {
    run("pg_ctlcluster", "--skip-systemctl-redirect", version(), "main", "stop", "-m", "fast");
  }

  static void start() throws Exception {
    run("pg_ctlcluster", "--skip-systemctl-redirect", version(), "main", "start");
    long deadline = System.currentTimeMillis() + 30_000;
    while (!accepting() && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    if (!accepting()) {
      throw new IllegalStateException("PostgreSQL did not come back on 127.0.0.1:5432");
    }
  }

  static boolean accepting() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }
}
