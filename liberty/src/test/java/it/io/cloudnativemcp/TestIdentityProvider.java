package it.io.cloudnativemcp;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * A company identity provider for the tests: it serves a JWKS over HTTP on 127.0.0.1 and signs
 * tokens at run time with RS256 or ES256 keys it generates, and can rotate in a new key.
 */
final class TestIdentityProvider implements AutoCloseable {
  static final String AUDIENCE = "cloud-native-mcp";

  private final HttpServer server;
  private final String scheme;
  private final List<PublicJsonWebKey> published = new ArrayList<>();
  final PublicJsonWebKey rsa;
  final PublicJsonWebKey ec;

  TestIdentityProvider() throws Exception {
    this(null);
  }

  /**
   * A provider serving its JWKS and discovery document over HTTPS with {@code certificate}, as a
   * company IdP with a certificate from the company's own CA does; over HTTP when it is null.
   */
  TestIdentityProvider(TestCertificates.Issued certificate) throws Exception {
    rsa = RsaJwkGenerator.generateJwk(2048);
    rsa.setKeyId("rsa-1");
    rsa.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
    ec = EcJwkGenerator.generateJwk(EllipticCurves.P256);
    ec.setKeyId("ec-1");
    ec.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    published.add(rsa);
    published.add(ec);
    if (certificate == null) {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      scheme = "http";
    } else {
      HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      https.setHttpsConfigurator(new HttpsConfigurator(serverContext(certificate)));
      server = https;
      scheme = "https";
    }
    server.createContext("/realms/test/.well-known/openid-configuration", exchange -> {
      byte[] body = ("{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + jwksUri() + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.createContext("/jwks", exchange -> {
      byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  String issuer() {
    return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
  }

  String jwksUri() {
    return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
  }

  private static SSLContext serverContext(TestCertificates.Issued certificate) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("idp", certificate.keys().getPrivate(), "pw".toCharArray(), new java.security.cert.Certificate[] {certificate.certificate()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "pw".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }

  synchronized String jwks() {
    return new JsonWebKeySet(new ArrayList<JsonWebKey>(published)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
  }

  /** Publishes a new key, as a provider does when it rotates its signing key. */
  synchronized PublicJsonWebKey rotate() throws JoseException {
    PublicJsonWebKey next = RsaJwkGenerator.generateJwk(2048);
    next.setKeyId("rsa-" + (published.size() + 1));
    next.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
    published.add(next);
    return next;
  }

  /** Claims of a valid token for {@code subject}, valid for five minutes. */
  JwtClaims claims(String subject, List<String> groups, String scope) {
    JwtClaims c = new JwtClaims();
    c.setIssuer(issuer());
    c.setAudience(AUDIENCE);
    c.setSubject(subject);
    c.setClaim("preferred_username", subject);
    c.setIssuedAtToNow();
    c.setNotBeforeMinutesInThePast(1);
    c.setExpirationTimeMinutesInTheFuture(5);
    c.setGeneratedJwtId();
    c.setStringListClaim("groups", groups);
    c.setClaim("upn", subject);
    if (scope != null) {
      c.setClaim("scope", scope);
    }
    return c;
  }

  static String sign(JwtClaims claims, PublicJsonWebKey key) throws JoseException {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setAlgorithmHeaderValue(key.getAlgorithm());
    return jws.getCompactSerialization();
  }

  /** The classic attack: "alg": "none", no signature. */
  static String unsigned(JwtClaims claims) throws JoseException {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
    jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
    return jws.getCompactSerialization();
  }

  /** The other classic: HS256 "signed" with the provider's public key as the HMAC secret. */
  static String hmacWithPublicKey(JwtClaims claims, PublicJsonWebKey key) throws JoseException {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(new HmacKey(key.getPublicKey().getEncoded()));
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setDoKeyValidation(false);
    return jws.getCompactSerialization();
  }

  /** A valid token whose payload was changed after signing. */
  static String tampered(String token, Map<String, String> replace) {
    String[] parts = token.split("\\.");
    String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    for (Map.Entry<String, String> e : replace.entrySet()) {
      payload = payload.replace(e.getKey(), e.getValue());
    }
    return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
  }

  @Override
  public void close() throws IOException {
    server.stop(0);
  }
}
