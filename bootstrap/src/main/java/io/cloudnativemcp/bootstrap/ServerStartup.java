package io.cloudnativemcp.bootstrap;

import io.cloudnativemcp.adapter.in.http.mcp.McpEndpoints;
import io.cloudnativemcp.adapter.out.persistence.JpaDatabase;
import io.cloudnativemcp.application.port.in.EnsureBootstrapAdminKeyCommand;
import io.cloudnativemcp.application.port.in.EnsureBootstrapAdminKeyUseCase;
import io.cloudnativemcp.bootstrap.config.ConfigurationException;
import io.cloudnativemcp.bootstrap.config.ServerConfiguration;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.shared.DomainException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The startup sequence, in one place: validate the configuration, open the store, make the
 * administrator key match the configuration, then open the MCP endpoints. Any failure stops the
 * application (readiness stays down) with a message that names the cause, never a secret.
 */
@WebListener
public class ServerStartup implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(ServerStartup.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    long started = System.nanoTime();
    try {
      CDI<Object> cdi = CDI.current();
      ServerConfiguration config = cdi.select(ServerConfiguration.class).get();
      LibertyEndpoint.apply(config.server());
      cdi.select(JpaDatabase.class).get().start();
      if (config.authentication().enabled()) {
        Optional<String> generated =
            cdi.select(EnsureBootstrapAdminKeyUseCase.class).get().ensure(new EnsureBootstrapAdminKeyCommand(config.adminApiKey()));
        generated.ifPresent(ServerStartup::showGeneratedKeyOnce);
      } else {
        LOG.warning("Authentication is disabled (auth.enabled: false): every caller is anonymous.");
      }
      cdi.select(McpEndpoints.class).get().register(event.getServletContext());
      StartupState.markStarted();
      LOG.info(String.format("cloud-native-mcp-server started in %d ms", (System.nanoTime() - started) / 1_000_000));
    } catch (ConfigurationException e) {
      LOG.severe("cloud-native-mcp-server did not start. " + e.getMessage());
      throw new IllegalStateException(e.getMessage());
    } catch (DomainException e) {
      LOG.severe("cloud-native-mcp-server did not start: " + e.getMessage());
      throw new IllegalStateException(e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "cloud-native-mcp-server did not start", e);
      throw e;
    }
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    StartupState.markStopping();
    try {
      CDI.current().select(McpEndpoints.class).get().close();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "closing the MCP endpoints", e);
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
