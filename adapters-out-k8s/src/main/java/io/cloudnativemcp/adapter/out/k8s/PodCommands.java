package io.cloudnativemcp.adapter.out.k8s;

import io.cloudnativemcp.domain.cluster.ExecRequest;
import io.cloudnativemcp.domain.cluster.ExecResult;
import io.kubernetes.client.Exec;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command in a container over the exec WebSocket and collects both streams, each bounded in
 * bytes, the whole bounded in time. No stdin and no TTY are attached.
 */
final class PodCommands {
  /** Bytes kept per stream; the rest is read and dropped so the command is not blocked. */
  static final int MAX_STREAM = 1024 * 1024;

  private PodCommands() {}

  static ExecResult run(ApiClient client, ExecRequest request) throws ApiException, IOException, InterruptedException {
    Exec exec = new Exec(client);
    java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
    Exec.ExecutionBuilder builder =
        exec.newExecutionBuilder(request.namespace(), request.pod(), request.command().toArray(String[]::new))
            .setStdin(false)
            .setStdout(true)
            .setStderr(true)
            .setTty(false)
            .setOnUnhandledError(failure::set);
    request.container().ifPresent(builder::setContainer);
    Process process = builder.execute();
    Collector out = new Collector(process.getInputStream());
    Collector err = new Collector(process.getErrorStream());
    Thread outThread = start(out, "exec-stdout");
    Thread errThread = start(err, "exec-stderr");
    boolean finished = process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      process.destroy();
    }
    outThread.join(2000);
    errThread.join(2000);
    Throwable error = failure.get();
    if (error != null && out.text().isEmpty() && err.text().isEmpty()) {
      // The WebSocket upgrade failed: the API server answered with an error instead.
      throw upgradeFailure(error);
    }
    Optional<Integer> exit = Optional.empty();
    if (finished) {
      try {
        exit = Optional.of(process.exitValue());
      } catch (IllegalThreadStateException e) {
        exit = Optional.empty();
      }
    }
    return new ExecResult(out.text(), err.text(), exit, !finished, out.truncated || err.truncated);
  }

  /** An {@link ApiException} with the status the API server gave instead of switching protocols. */
  static ApiException upgradeFailure(Throwable error) {
    String message = String.valueOf(error.getMessage());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("but was '(\\d{3})").matcher(message);
    int code = m.find() ? Integer.parseInt(m.group(1)) : 0;
    return new ApiException(code, code == 0 ? message : "the API server refused the exec session (" + code + ")");
  }

  private static Thread start(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Reads one stream to its end, keeping the first {@link #MAX_STREAM} bytes. */
  private static final class Collector implements Runnable {
    private final InputStream in;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private volatile boolean truncated;

    Collector(InputStream in) {
      this.in = in;
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) > 0) {
          int room = MAX_STREAM - kept.size();
          if (room > 0) {
            kept.write(buffer, 0, Math.min(room, n));
          }
          if (n > room) {
            truncated = true;
          }
        }
      } catch (IOException e) {
        // The stream closed with the session: keep what arrived.
      }
    }

    synchronized String text() {
      return kept.toString(StandardCharsets.UTF_8);
    }
  }
}
