package io.cloudnativemcp.bootstrap;

import io.cloudnativemcp.application.port.in.EnsureBootstrapAdminKeyCommand;
import io.cloudnativemcp.application.port.in.EnsureBootstrapAdminKeyUseCase;
import io.cloudnativemcp.application.port.in.PruneAuditLogUseCase;
import io.cloudnativemcp.application.port.in.RotateDueKeysUseCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's periodic work, on one daemon thread: audit retention every minute, key rotation
 * every five minutes, and re-reading a mounted administrator key file every 30 seconds (a
 * Kubernetes Secret volume is updated in place, without a restart).
 */
final class BackgroundTasks {
  private static final Logger LOG = Logger.getLogger(BackgroundTasks.class.getName());

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "mcp-background");
            t.setDaemon(true);
            return t;
          });
  private volatile String lastKeyFileContent;

  void start(
      PruneAuditLogUseCase prune,
      RotateDueKeysUseCase rotate,
      Optional<Path> adminKeyFile,
      EnsureBootstrapAdminKeyUseCase ensureAdminKey,
      boolean authEnabled) {
    scheduler.scheduleWithFixedDelay(guard("audit retention", () -> {
      long deleted = prune.prune();
      if (deleted > 0) {
        LOG.info("Audit retention deleted " + deleted + " record(s)");
      }
    }), 10, 60, TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(guard("key rotation", () -> {
      int rotated = rotate.rotateDueKeys();
      if (rotated > 0) {
        LOG.info("Rotated " + rotated + " API key(s); the new keys are in the secret store");
      }
    }), 30, 300, TimeUnit.SECONDS);
    if (authEnabled && adminKeyFile.isPresent()) {
      lastKeyFileContent = readKeyFile(adminKeyFile.get()).orElse(null);
      scheduler.scheduleWithFixedDelay(
          guard("administrator key file", () -> rereadAdminKeyFile(adminKeyFile.get(), ensureAdminKey)), 30, 30, TimeUnit.SECONDS);
    }
  }

  /**
   * Applies the administrator key file when its content changed since the last look: an empty or
   * unreadable file (a Secret volume between updates) changes nothing, and a key the use case
   * refuses (too weak) is tried again at the next look, the previous key staying in force.
   *
   * @return whether the key was replaced
   */
  boolean rereadAdminKeyFile(Path file, EnsureBootstrapAdminKeyUseCase ensureAdminKey) {
    Optional<String> now = readKeyFile(file);
    if (now.isEmpty() || now.get().equals(lastKeyFileContent)) {
      return false;
    }
    ensureAdminKey.ensure(new EnsureBootstrapAdminKeyCommand(now));
    lastKeyFileContent = now.get();
    LOG.info("auth.apiKeyFile changed: the administrator key was replaced");
    return true;
  }

  static Optional<String> readKeyFile(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()).filter(s -> !s.isEmpty());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void stop() {
    scheduler.shutdownNow();
  }

  private static Runnable guard(String what, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        // A failed run is retried at the next tick; it must not stop the schedule.
        LOG.log(Level.WARNING, what + " failed: " + e.getMessage(), e);
      }
    };
  }
}
