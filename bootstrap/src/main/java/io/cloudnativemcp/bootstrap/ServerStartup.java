package io.cloudnativemcp.bootstrap;

import io.cloudnativemcp.adapter.in.http.HttpEndpoints;
import io.cloudnativemcp.adapter.out.persistence.JpaDatabase;
import io.cloudnativemcp.application.port.in.EnsureBootstrapAdminKeyCommand;
import io.cloudnativemcp.application.port.in.EnsureBootstrapAdminKeyUseCase;
import io.cloudnativemcp.application.port.in.PruneAuditLogUseCase;
import io.cloudnativemcp.application.port.in.RotateDueKeysUseCase;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.bootstrap.config.ConfigurationException;
import io.cloudnativemcp.bootstrap.config.ServerConfiguration;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.shared.DomainException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The startup sequence, in one place: validate the configuration, apply what Liberty enforces
 * (address, TLS, JWT), open the store, start the audit writer, make the administrator key match
 * the configuration, open the endpoints, start the periodic work. Any failure stops the
 * application (readiness stays down) with a message that names the cause, never a secret.
 * Shutdown closes the streams and flushes the audit buffer.
 */
public class ServerStartup implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(ServerStartup.class.getName());
  private static final Duration AUDIT_FLUSH_TIMEOUT = Duration.ofSeconds(20);
  /** How long running tool calls may take to finish once the JVM is exiting (within Liberty's 30 s quiesce). */
  private static final Duration CALLS_AT_EXIT = Duration.ofSeconds(20);

  private final BackgroundTasks background = new BackgroundTasks();
  private Thread exitHook;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    long started = System.nanoTime();
    try {
      CDI<Object> cdi = CDI.current();
      ServerConfiguration config = cdi.select(ServerConfiguration.class).get();
      LibertyServerConfig.apply(config);
      cdi.select(JpaDatabase.class).get().start();
      cdi.select(AuditTrail.class).get().start();
      EnsureBootstrapAdminKeyUseCase ensureAdminKey = cdi.select(EnsureBootstrapAdminKeyUseCase.class).get();
      if (config.authentication().enabled() && config.authentication().accepts(io.cloudnativemcp.domain.principal.AuthMethod.API_KEY)) {
        Optional<String> configured =
            config.adminApiKey().or(() -> config.adminApiKeyFile().flatMap(BackgroundTasks::readKeyFile));
        if (config.adminApiKeyFile().isPresent() && configured.isEmpty()) {
          throw new ConfigurationException("auth.apiKeyFile", "names a file that does not exist or is empty: " + config.adminApiKeyFile().get());
        }
        ensureAdminKey.ensure(new EnsureBootstrapAdminKeyCommand(configured)).ifPresent(ServerStartup::showGeneratedKeyOnce);
      } else if (!config.authentication().enabled()) {
        LOG.warning("Authentication is disabled (auth.enabled: false): every caller is the principal 'anonymous'.");
      }
      HttpEndpoints endpoints = cdi.select(HttpEndpoints.class).get();
      endpoints.register(event.getServletContext());
      closeStreamsWhenTheJvmExits(endpoints);
      background.start(
          cdi.select(PruneAuditLogUseCase.class).get(),
          cdi.select(RotateDueKeysUseCase.class).get(),
          config.adminApiKeyFile(),
          ensureAdminKey,
          config.authentication().enabled());
      StartupState.markStarted();
      LOG.info(String.format("cloud-native-mcp-server started in %d ms", (System.nanoTime() - started) / 1_000_000));
    } catch (ConfigurationException e) {
      LOG.severe("cloud-native-mcp-server did not start. " + e.getMessage());
      throw new IllegalStateException(e.getMessage());
    } catch (DomainException e) {
      LOG.severe("cloud-native-mcp-server did not start: " + e.getMessage());
      throw new IllegalStateException(e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "cloud-native-mcp-server did not start: " + e.getMessage(), e);
      throw e;
    }
  }

  /**
   * On SIGTERM Liberty stops listening, then waits up to 30 s for requests in progress to end, and
   * only then stops the application; an MCP client's open GET or SSE stream is such a request and
   * would hold the stop for the full 30 s. When the JVM starts exiting, the tool calls still running
   * get up to 20 s to be answered, then the MCP sessions are closed, which ends their streams. The
   * records still buffered are flushed when the application stops.
   */
  private void closeStreamsWhenTheJvmExits(HttpEndpoints endpoints) {
    Thread hook =
        new Thread(
            () -> {
              try {
                endpoints.closeAfterCallsFinish(CALLS_AT_EXIT);
              } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing the MCP sessions at exit", e);
              }
            },
            "mcp-close-streams-at-exit");
    Runtime.getRuntime().addShutdownHook(hook);
    exitHook = hook;
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    StartupState.markStopping();
    if (exitHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(exitHook);
      } catch (IllegalStateException e) {
        // The JVM is exiting: the hook is running or has run.
      }
      exitHook = null;
    }
    background.stop();
    CDI<Object> cdi = CDI.current();
    try {
      cdi.select(HttpEndpoints.class).get().close();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "closing the endpoints", e);
    }
    try {
      boolean flushed = cdi.select(AuditTrail.class).get().stop(AUDIT_FLUSH_TIMEOUT);
      LOG.info(flushed ? "Audit buffer flushed" : "Audit buffer NOT fully flushed; see the previous message");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "flushing the audit buffer", e);
    }
    try {
      // A stale drop-in would make the next start open the previous address before the new one applies.
      LibertyServerConfig.configDirectory()
          .ifPresent(dir -> deleteQuietly(dir.resolve("configDropins/overrides").resolve(LibertyServerConfig.DROPIN)));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "removing the runtime drop-in", e);
    }
  }

  private static void deleteQuietly(java.nio.file.Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (java.io.IOException e) {
      LOG.fine("could not delete " + p + ": " + e.getMessage());
    }
  }

  /**
   * Shows a generated key on the process's console only. Liberty copies {@code System.out} into
   * messages.log; writing to the file descriptor directly keeps the key out of the log files.
   */
  static void showGeneratedKeyOnce(String key) {
    @SuppressWarnings("resource") // the process's stdout stays open
    PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    console.println();
    console.println("==============================================================================");
    console.println(" Authentication is enabled and no auth.apiKey is configured, so an API key");
    console.println(" was generated for the bootstrap administrator 'admin'. It is shown ONCE:");
    console.println();
    console.println("   X-API-Key: " + key);
    console.println();
    console.println(" Only its hash is stored. Keep it in a secret store; to replace it, set");
    console.println(" auth.apiKey (for example from ${MCP_AUTH_API_KEY}) and restart.");
    console.println("==============================================================================");
    console.println();
    LOG.warning(
        "Generated an API key for the bootstrap administrator 'admin' (prefix "
            + ApiKey.prefixOf(key)
            + "); it was printed once on the console and is not logged.");
  }
}
