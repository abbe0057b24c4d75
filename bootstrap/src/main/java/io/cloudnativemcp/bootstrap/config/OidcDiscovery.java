package io.cloudnativemcp.bootstrap.config;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Reads an OpenID provider's discovery document for its issuer and JWKS endpoint. */
final class OidcDiscovery {
  private OidcDiscovery() {}

  record Document(String issuer, String jwksUri) {}

  private static HttpClient client(Optional<Path> caFile) {
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (caFile.isPresent()) {
      try {
        b.sslContext(trusting(caFile.get()));
      } catch (IOException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
    return b.build();
  }

  /** TLS that trusts the JDK's CAs and the company CAs of {@code caFile}, as Liberty's JWKS client does. */
  static SSLContext trusting(Path caFile) throws IOException {
    try {
      TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      defaults.init((KeyStore) null);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      int i = 0;
      for (TrustManager tm : defaults.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          for (X509Certificate ca : x.getAcceptedIssuers()) {
            trust.setCertificateEntry("jdk-" + i++, ca);
          }
        }
      }
      try (InputStream in = Files.newInputStream(caFile)) {
        for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          trust.setCertificateEntry("company-" + i++, ca);
        }
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("auth.jwt.caFile " + caFile + " holds no usable CA certificate: " + e.getMessage(), e);
    }
  }

  static Document fetch(URI discovery, Optional<Path> caFile) {
    URI uri = discovery.getPath().endsWith("/.well-known/openid-configuration")
        ? discovery
        : URI.create(discovery.toString().replaceAll("/+$", "") + "/.well-known/openid-configuration");
    HttpClient client = client(caFile);
    try {
      HttpResponse<String> response =
          client
              .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(uri + " answered " + response.statusCode());
      }
      try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
        JsonObject doc = reader.readObject();
        return new Document(doc.getString("issuer"), doc.getString("jwks_uri"));
      }
    } catch (SSLException e) {
      throw new IllegalStateException(
          "the TLS handshake with " + uri + " failed (" + e.getMessage() + "); if its certificate comes from a company CA, set auth.jwt.caFile", e);
    } catch (IOException e) {
      throw new IllegalStateException(uri + " is unreachable: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(uri + " is not an OpenID discovery document: " + e.getMessage(), e);
    }
  }
}
