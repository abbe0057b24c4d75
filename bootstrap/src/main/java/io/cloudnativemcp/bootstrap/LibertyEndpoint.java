package io.cloudnativemcp.bootstrap;

import io.cloudnativemcp.bootstrap.config.ServerSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Applies {@code server.addr} (and later TLS) to Liberty. Liberty reads its endpoint from server
 * configuration, not from config.yaml, so at startup the application writes a configuration
 * drop-in and asks Liberty to apply it. Liberty opens its ports only after the application has
 * started, so clients never see the default endpoint.
 */
final class LibertyEndpoint {
  static final String DROPIN = "mcp-endpoint.xml";
  static final String FILE_NOTIFICATION_MBEAN = "WebSphere:service=com.ibm.ws.kernel.filemonitor.FileNotificationMBean";
  private static final Logger LOG = Logger.getLogger(LibertyEndpoint.class.getName());

  private LibertyEndpoint() {}

  /** The server's configuration directory, when running inside Liberty. */
  static Optional<Path> configDirectory() {
    String dir = System.getProperty("server.config.dir");
    return dir == null ? Optional.empty() : Optional.of(Path.of(dir));
  }

  static void apply(ServerSettings server) {
    Optional<Path> configDir = configDirectory();
    if (configDir.isEmpty()) {
      LOG.warning("Not running in Liberty (no server.config.dir): server.addr is not applied");
      return;
    }
    Path dropins = configDir.get().resolve("configDropins").resolve("overrides");
    Path file = dropins.resolve(DROPIN);
    String xml = render(server);
    try {
      if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(xml)) {
        LOG.info("Listening on " + server.host() + ":" + server.port() + " (configuration unchanged)");
        return;
      }
      Files.createDirectories(dropins);
      Path tmp = Files.createTempFile(dropins, ".mcp-endpoint", ".tmp");
      Files.writeString(tmp, xml, StandardCharsets.UTF_8);
      boolean existed = Files.exists(file);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      notifyLiberty(existed ? List.of() : List.of(file.toString()), existed ? List.of(file.toString()) : List.of());
      LOG.info("Listening on " + server.host() + ":" + server.port() + " (server.addr)");
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot write the endpoint configuration to " + file + " (the configDropins directory must be writable): " + e.getMessage(), e);
    }
  }

  static String render(ServerSettings server) {
    String host = server.host().equals("0.0.0.0") || server.host().equals("::") ? "*" : server.host();
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<!-- Written by cloud-native-mcp-server at startup from server.addr in config.yaml; do not edit. -->\n"
        + "<server>\n"
        + "  <httpEndpoint id=\"defaultHttpEndpoint\" host=\"" + xmlAttr(host) + "\" httpPort=\"" + server.port()
        + "\" httpsPort=\"-1\"/>\n"
        + "</server>\n";
  }

  private static void notifyLiberty(Collection<String> created, Collection<String> modified) {
    try {
      MBeanServer mbs = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = new ObjectName(FILE_NOTIFICATION_MBEAN);
      if (!mbs.isRegistered(name)) {
        LOG.warning("Liberty's file notification MBean is not available; the endpoint change applies at the next restart");
        return;
      }
      mbs.invoke(
          name,
          "notifyFileChanges",
          new Object[] {Set.copyOf(created), Set.copyOf(modified), Set.of()},
          new String[] {Collection.class.getName(), Collection.class.getName(), Collection.class.getName()});
    } catch (Exception e) {
      LOG.log(Level.WARNING, "could not ask Liberty to apply the endpoint configuration", e);
    }
  }

  private static String xmlAttr(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }
}
