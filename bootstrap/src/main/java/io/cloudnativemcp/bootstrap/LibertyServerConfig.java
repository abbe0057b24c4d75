package io.cloudnativemcp.bootstrap;

import io.cloudnativemcp.bootstrap.config.JwtSettings;
import io.cloudnativemcp.bootstrap.config.ServerConfiguration;
import io.cloudnativemcp.bootstrap.config.ServerSettings;
import io.cloudnativemcp.bootstrap.config.TlsSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Applies the parts of config.yaml that Liberty itself must enforce: the listening address
 * ({@code server.addr}), TLS and mTLS from PEM files ({@code server.tls.*}), and bearer-token
 * verification ({@code auth.jwt.*}). Liberty reads those from server configuration, so at startup
 * the application writes {@code configDropins/overrides/mcp-runtime.xml} and asks Liberty to apply
 * it. server.xml itself opens no port, so no other address or protocol is ever exposed, and a
 * configuration that fails validation opens none.
 */
final class LibertyServerConfig {
  static final String DROPIN = "mcp-runtime.xml";
  static final String FILE_NOTIFICATION_MBEAN = "WebSphere:service=com.ibm.ws.kernel.filemonitor.FileNotificationMBean";
  private static final Logger LOG = Logger.getLogger(LibertyServerConfig.class.getName());

  private LibertyServerConfig() {}

  static Optional<Path> configDirectory() {
    return Optional.ofNullable(System.getProperty("server.config.dir")).map(Path::of);
  }

  static Path outputDirectory() {
    return Path.of(System.getProperty("server.output.dir", System.getProperty("server.config.dir", System.getProperty("java.io.tmpdir"))));
  }

  static void apply(ServerConfiguration config) {
    Optional<Path> configDir = configDirectory();
    if (configDir.isEmpty()) {
      LOG.warning("Not running in Liberty (no server.config.dir): server.addr, TLS and JWT settings are not applied");
      return;
    }
    Path dropins = configDir.get().resolve("configDropins").resolve("overrides");
    Path file = dropins.resolve(DROPIN);
    String xml;
    try {
      xml = render(config, outputDirectory().resolve("resources").resolve("mcp"));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("server.tls: the PEM files could not be used: " + e.getMessage(), e);
    }
    ServerSettings server = config.server();
    String where = (config.tls().isPresent() ? "https://" : "http://") + server.host() + ":" + server.port();
    try {
      Files.createDirectories(dropins);
      Path tmp = Files.createTempFile(dropins, ".mcp-runtime", ".tmp");
      Files.writeString(tmp, xml, StandardCharsets.UTF_8);
      boolean existed = Files.exists(file);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      notifyLiberty(existed ? List.of() : List.of(file.toString()), existed ? List.of(file.toString()) : List.of());
      LOG.info("Listening on " + where + (config.tls().map(t -> " (" + String.join(", ", t.protocols())
          + (t.clientAuth().requested() ? ", client certificates " + t.clientAuth().name().toLowerCase(java.util.Locale.ROOT) : "") + ")").orElse("")));
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot write the server configuration to " + file + " (the configDropins/overrides directory must be writable): " + e.getMessage(), e);
    }
  }

  static String render(ServerConfiguration config, Path storeDir) throws IOException, GeneralSecurityException {
    ServerSettings server = config.server();
    String host = server.host().equals("0.0.0.0") || server.host().equals("::") ? "*" : server.host();
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<!-- Written by cloud-native-mcp-server at startup from config.yaml; do not edit. -->\n")
        .append("<server>\n");
    Optional<TlsSettings> tls = config.tls();
    Optional<JwtSettings> jwt = config.jwt();
    // Outbound calls (the IdP's JWKS) trust the JDK's CAs and, with auth.jwt.caFile, a company CA.
    String outboundTrust = "";
    if (jwt.isPresent() && jwt.get().caFile().isPresent()) {
      PemKeyStores.Store idpTrust = PemKeyStores.trustStore(jwt.get().caFile().get(), storeDir.resolve("jwt-trust.p12"));
      xml.append("  <keyStore id=\"mcpJwtTrustStore\" location=\"").append(attr(idpTrust.file().toString()))
          .append("\" type=\"PKCS12\" password=\"").append(attr(idpTrust.password())).append("\" pollingRate=\"0\"/>\n");
      outboundTrust = " trustStoreRef=\"mcpJwtTrustStore\"";
    }
    if (tls.isPresent()) {
      TlsSettings t = tls.get();
      PemKeyStores.Store keys = PemKeyStores.keyStore(t.certFile(), t.keyFile(), storeDir.resolve("tls-key.p12"));
      xml.append("  <keyStore id=\"mcpKeyStore\" location=\"").append(attr(keys.file().toString()))
          .append("\" type=\"PKCS12\" password=\"").append(attr(keys.password())).append("\" pollingRate=\"0\"/>\n");
      String trustRef = "";
      if (t.caFile().isPresent()) {
        PemKeyStores.Store trust = PemKeyStores.trustStore(t.caFile().get(), storeDir.resolve("tls-trust.p12"));
        xml.append("  <keyStore id=\"mcpTrustStore\" location=\"").append(attr(trust.file().toString()))
            .append("\" type=\"PKCS12\" password=\"").append(attr(trust.password())).append("\"/>\n");
        trustRef = " trustStoreRef=\"mcpTrustStore\" trustDefaultCerts=\"false\"";
      }
      xml.append("  <ssl id=\"mcpSSL\" keyStoreRef=\"mcpKeyStore\"").append(trustRef)
          .append(" sslProtocol=\"").append(String.join(",", t.protocols())).append("\"")
          .append(" clientAuthentication=\"").append(t.clientAuth().required()).append("\"")
          .append(" clientAuthenticationSupported=\"").append(t.clientAuth().requested()).append("\"/>\n");
      // The inbound configuration is the server default; outbound calls (the IdP's JWKS) use their
      // own, which trusts public CAs, so that client certificates are checked against caFile only.
      xml.append("  <sslDefault sslRef=\"mcpSSL\"/>\n");
      xml.append("  <ssl id=\"mcpOutboundSSL\" keyStoreRef=\"mcpKeyStore\"").append(outboundTrust).append(" trustDefaultCerts=\"true\"/>\n");
      xml.append("  <httpEndpoint id=\"defaultHttpEndpoint\" host=\"").append(attr(host))
          .append("\" httpPort=\"-1\" httpsPort=\"").append(server.port()).append("\"/>\n");
    } else {
      xml.append("  <httpEndpoint id=\"defaultHttpEndpoint\" host=\"").append(attr(host))
          .append("\" httpPort=\"").append(server.port()).append("\" httpsPort=\"-1\"/>\n");
    }
    if (jwt.isPresent() && tls.isEmpty()) {
      // Without server.tls there is no SSL configuration at all (the server generates no default
      // keystore), and MicroProfile JWT does not start without one: an outbound-only configuration
      // with an empty key store, trusting the JDK's CAs, serves the IdP's JWKS over HTTPS.
      PemKeyStores.Store empty = PemKeyStores.emptyStore(storeDir.resolve("outbound.p12"));
      xml.append("  <keyStore id=\"mcpOutboundKeyStore\" location=\"").append(attr(empty.file().toString()))
          .append("\" type=\"PKCS12\" password=\"").append(attr(empty.password())).append("\" pollingRate=\"0\"/>\n");
      xml.append("  <ssl id=\"mcpOutboundSSL\" keyStoreRef=\"mcpOutboundKeyStore\"").append(outboundTrust).append(" trustDefaultCerts=\"true\"/>\n");
      xml.append("  <sslDefault sslRef=\"mcpOutboundSSL\"/>\n");
    }
    if (jwt.isPresent()) {
      JwtSettings j = jwt.get();
      xml.append("  <mpJwt id=\"mcpJwt\" issuer=\"").append(attr(j.issuer())).append("\"");
      j.jwksUri().ifPresent(u -> xml.append(" jwksUri=\"").append(attr(u)).append("\""));
      if (!j.audiences().isEmpty()) {
        xml.append(" audiences=\"").append(attr(String.join(",", j.audiences()))).append("\"");
      }
      xml.append(" groupNameAttribute=\"").append(attr(j.groupsClaim())).append("\"")
          .append(" clockSkew=\"").append(j.clockSkew().toSeconds()).append("s\"")
          .append(" signatureAlgorithm=\"").append(attr(j.algorithm())).append("\"")
          .append(" ignoreApplicationAuthMethod=\"true\" mapToUserRegistry=\"false\"")
          .append(" tokenReuse=\"true\" userNameAttribute=\"sub\"");
      xml.append(" sslRef=\"mcpOutboundSSL\"");
      xml.append("/>\n");
    }
    xml.append("</server>\n");
    return xml.toString();
  }

  private static void notifyLiberty(Collection<String> created, Collection<String> modified) {
    try {
      MBeanServer mbs = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = new ObjectName(FILE_NOTIFICATION_MBEAN);
      if (!mbs.isRegistered(name)) {
        LOG.warning("Liberty's file notification MBean is not available; the configuration applies at the next restart");
        return;
      }
      mbs.invoke(
          name,
          "notifyFileChanges",
          new Object[] {Set.copyOf(created), Set.copyOf(modified), Set.of()},
          new String[] {Collection.class.getName(), Collection.class.getName(), Collection.class.getName()});
    } catch (Exception e) {
      LOG.log(Level.WARNING, "could not ask Liberty to apply the server configuration", e);
    }
  }

  private static String attr(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
