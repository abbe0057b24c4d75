package io.cloudnativemcp.bootstrap.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code server.tls.*}, in the seed guide's shape: PEM certificate and key, TLS version range,
 * and client certificates (mTLS) with the Go names of {@code clientAuth}.
 *
 * @param certFile PEM certificate chain (leaf first)
 * @param keyFile PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC)
 * @param protocols enabled protocols in JSSE names, e.g. TLSv1.2 and TLSv1.3
 * @param clientAuth whether and how client certificates are asked for
 * @param caFile PEM CA certificates that client certificates must chain to
 * @param certificatePrincipal whether a verified client certificate's subject is the principal
 */
public record TlsSettings(
    Path certFile, Path keyFile, List<String> protocols, ClientAuth clientAuth, Optional<Path> caFile, boolean certificatePrincipal) {

  /** Go's {@code tls.ClientAuthType} names, as the seed guide writes them. */
  public enum ClientAuth {
    NO_CLIENT_CERT,
    REQUEST_CLIENT_CERT,
    REQUIRE_ANY_CLIENT_CERT,
    VERIFY_CLIENT_CERT_IF_GIVEN,
    REQUIRE_AND_VERIFY_CLIENT_CERT;

    static ClientAuth fromConfig(String v) {
      return switch (v.trim().toLowerCase(Locale.ROOT)) {
        case "noclientcert", "none", "" -> NO_CLIENT_CERT;
        case "requestclientcert" -> REQUEST_CLIENT_CERT;
        case "requireanyclientcert" -> REQUIRE_ANY_CLIENT_CERT;
        case "verifyclientcertifgiven" -> VERIFY_CLIENT_CERT_IF_GIVEN;
        case "requireandverifyclientcert" -> REQUIRE_AND_VERIFY_CLIENT_CERT;
        default -> throw new IllegalArgumentException(
            "must be NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven or RequireAndVerifyClientCert (got '" + v + "')");
      };
    }

    /** Whether the handshake fails without a client certificate. */
    public boolean required() {
      return this == REQUIRE_ANY_CLIENT_CERT || this == REQUIRE_AND_VERIFY_CLIENT_CERT;
    }

    /** Whether a client certificate is asked for at all. */
    public boolean requested() {
      return this != NO_CLIENT_CERT;
    }
  }

  static final List<String> VERSIONS = List.of("TLSv1.2", "TLSv1.3");

  static Optional<TlsSettings> read(ServerConfiguration.Reader r, Path workDir) {
    Optional<String> cert = r.optional("server.tls.certFile");
    Optional<String> key = r.optional("server.tls.keyFile");
    if (cert.isEmpty() && key.isEmpty()) {
      r.optional("server.tls.caFile").ifPresent(c -> r.problem("server.tls.caFile", "needs server.tls.certFile and keyFile"));
      return Optional.empty();
    }
    if (cert.isEmpty() || key.isEmpty()) {
      r.problem(cert.isEmpty() ? "server.tls.certFile" : "server.tls.keyFile", "is required when TLS is configured (both certFile and keyFile)");
      return Optional.empty();
    }
    Path certFile = workDir.resolve(cert.get()).normalize();
    Path keyFile = workDir.resolve(key.get()).normalize();
    readable(r, "server.tls.certFile", certFile);
    readable(r, "server.tls.keyFile", keyFile);
    int min = r.parse("server.tls.minVersion", "TLS1.2", TlsSettings::version, 0);
    int max = r.parse("server.tls.maxVersion", "TLS1.3", TlsSettings::version, 1);
    if (min > max) {
      r.problem("server.tls.minVersion", "must not be above server.tls.maxVersion");
    }
    ClientAuth clientAuth = r.parse("server.tls.clientAuth", "NoClientCert", ClientAuth::fromConfig, ClientAuth.NO_CLIENT_CERT);
    Optional<Path> ca = r.optional("server.tls.caFile").map(p -> workDir.resolve(p).normalize());
    ca.ifPresent(p -> readable(r, "server.tls.caFile", p));
    if (clientAuth.requested() && ca.isEmpty()) {
      // Liberty verifies every client certificate it asks for; without a CA it would trust its own key.
      r.problem("server.tls.caFile", "is required when server.tls.clientAuth asks for client certificates");
    }
    boolean certificatePrincipal = r.bool("server.tls.certificatePrincipal", false);
    if (certificatePrincipal && clientAuth != ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT && clientAuth != ClientAuth.VERIFY_CLIENT_CERT_IF_GIVEN) {
      r.problem("server.tls.certificatePrincipal", "needs server.tls.clientAuth RequireAndVerifyClientCert or VerifyClientCertIfGiven: an unverified certificate proves nothing");
    }
    return Optional.of(
        new TlsSettings(
            certFile, keyFile, VERSIONS.subList(Math.min(min, max), Math.max(min, max) + 1), clientAuth, ca, certificatePrincipal));
  }

  /** Index in {@link #VERSIONS}; TLS 1.0 and 1.1 are refused. */
  static int version(String v) {
    String n = v.trim().toUpperCase(Locale.ROOT).replace("V", "").replace("_", ".");
    return switch (n) {
      case "TLS1.2", "1.2" -> 0;
      case "TLS1.3", "1.3" -> 1;
      case "TLS1.0", "TLS1.1", "1.0", "1.1" -> throw new IllegalArgumentException(
          "TLS 1.0 and 1.1 are insecure and not supported; use TLS1.2 or TLS1.3 (got '" + v + "')");
      default -> throw new IllegalArgumentException("must be TLS1.2 or TLS1.3 (got '" + v + "')");
    };
  }

  private static void readable(ServerConfiguration.Reader r, String key, Path file) {
    if (!Files.isReadable(file)) {
      r.problem(key, "names a file that does not exist or cannot be read: " + file);
    }
  }
}
