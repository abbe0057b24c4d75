package it.io.cloudnativemcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS and mTLS from the seed guide's blocks, with certificates made at test time and checked by
 * real TLS clients: the version range, refused clients failing in the handshake, the client
 * certificate as the principal, and ES256 tokens from the identity provider.
 */
class TlsEndToEndIT {
  static final String KEY = "Tls-Admin-Key-2026!";
  static final Path WORK = Path.of(System.getProperty("it.work.dir", "target/it"), "tls-certs");

  static TestCertificates pki;
  static TestCertificates otherPki;
  static TestCertificates.Issued serverCert;
  static TestCertificates.Issued alice;
  static TestCertificates.Issued mallory;
  static KubernetesFixture k8s;
  static Postgres db;
  static Postgres mtlsDb;
  static TestIdentityProvider idp;
  static Path idpCaFile;
  static LibertyServer tls;
  static LibertyServer mtls;

  @BeforeAll
  static void start() throws Exception {
    pki = new TestCertificates(WORK, "acme");
    otherPki = new TestCertificates(WORK, "rogue");
    serverCert = pki.server("server", true); // PKCS#1 key, as cert-manager writes by default
    alice = pki.client("alice", "platform-admins");
    mallory = otherPki.client("mallory", "platform-admins");
    k8s = new KubernetesFixture().seedShop();
    db = new Postgres();
    mtlsDb = new Postgres();
    // The company IdP's HTTPS certificate comes from the company's own CA, which no JDK trusts:
    // auth.jwt.caFile makes the discovery document and the JWKS readable.
    TestCertificates companyPki = new TestCertificates(WORK, "company");
    idpCaFile = companyPki.caFile;
    idp = new TestIdentityProvider(companyPki.server("idp", false));
    Path kubeconfig = k8s.writeKubeconfig(WORK.resolve("kube"));

    // The seed guide's TLS block, verbatim but for the address (tests bind to 127.0.0.1).
    String tlsConfig =
        """
        server:
          mode: "sse"
          addr: "127.0.0.1:%PORT%"
          tls:
            certFile: "%s"
            keyFile: "%s"
            minVersion: "TLS1.2"
            maxVersion: "TLS1.3"
        auth:
          enabled: true
          mode: "apikey"
          apiKey: "${MCP_AUTH_API_KEY}"
        kubernetes:
          kubeconfig: "%s"
        """.replace("%PORT%", "%%PORT%%").formatted(serverCert.certFile(), serverCert.keyFile(), kubeconfig).replace("%%PORT%%", "%PORT%")
            + db.auditConfig();
    tls = LibertyServer.start("tls", tlsConfig, LibertyServer.env("MCP_AUTH_API_KEY", KEY, "MCP_TEST_DB_PASSWORD", Postgres.PASSWORD), "https", pki.caFile);

    // The seed guide's mTLS block; the verified certificate's subject is the principal, and the
    // company IdP signs with ES256.
    String mtlsConfig =
        """
        server:
          mode: "all"
          addr: "127.0.0.1:%PORT%"
          tls:
            certFile: "%s"
            keyFile: "%s"
            clientAuth: "RequireAndVerifyClientCert"
            caFile: "%s"
            certificatePrincipal: true
        auth:
          enabled: true
          mode: "jwt"
          jwt:
            discoveryUrl: "%s"
            caFile: "%s"
            audiences: ["%s"]
            algorithm: "ES256"
        policies:
          - name: platform
            match: {groups: ["platform-admins"]}
            allow: {tools: ["*"], risks: [read_only], namespaces: ["*"], permissions: ["audit:read"]}
        kubernetes:
          kubeconfig: "%s"
        """.replace("%PORT%", "%%PORT%%")
            .formatted(serverCert.certFile(), serverCert.keyFile(), pki.caFile, idp.issuer(), idpCaFile, TestIdentityProvider.AUDIENCE, kubeconfig)
            .replace("%%PORT%%", "%PORT%")
            + mtlsDb.auditConfig();
    mtls = LibertyServer.start("mtls", mtlsConfig, LibertyServer.env("MCP_TEST_DB_PASSWORD", Postgres.PASSWORD), "https", pki.caFile, alice);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {tls, mtls, k8s, idp, db, mtlsDb}) {
      if (c != null) {
        c.close();
      }
    }
  }

  static HttpClient client(TestCertificates.Issued clientCert) throws Exception {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(TestCertificates.context(pki.ca, clientCert, "TLS"))
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  static HttpResponse<String> initialize(HttpClient client, LibertyServer server, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mcp"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"tls\",\"version\":\"1\"}}}"));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void givenTheSeedsTlsBlock_onlyTls12And13_areAccepted() throws Exception {
    StringBuilder matrix = new StringBuilder();
    for (String protocol : List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3")) {
      String result = TlsProbe.run("127.0.0.1", tls.port, protocol, pki.caFile, WORK);
      matrix.append(String.format("  %-8s %s%n", protocol, result));
      if (protocol.equals("TLSv1.2") || protocol.equals("TLSv1.3")) {
        assertThat(result).as(protocol).isEqualTo("OK " + protocol);
      } else {
        assertThat(result).as(protocol).startsWith("FAIL");
      }
    }
    System.out.print("[tls] handshake matrix against minVersion TLS1.2, maxVersion TLS1.3:\n" + matrix);
  }

  @Test
  void givenTls_theTypeScriptClientOverSse_callsATool() throws Exception {
    JsonNode report =
        new NodeMcpClient(tls.baseUrl() + "/sse", "sse")
            .header("X-API-Key", KEY)
            .environment("NODE_EXTRA_CA_CERTS", pki.caFile.toString())
            .callTool("kubernetes_list_resources_summary", Map.of("kind", "pods", "namespace", "shop"))
            .run();

    assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
    assertThat(report.path("results").get(0).path("result").path("content").get(0).path("text").asText()).contains("cart-5f6d7c8b9-xyz12");
  }

  @Test
  void givenTls_responses_carryHstsAndPlainHttpIsNotServed() throws Exception {
    HttpResponse<String> r = client(null).send(
        HttpRequest.newBuilder(URI.create(tls.baseUrl() + "/api/audit/stats")).header("X-API-Key", KEY).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));

    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    assertThatThrownBy(() -> plain.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tls.port + "/health/ready")).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void givenMtls_aClientWithoutACertificate_isRefusedInTheHandshake() throws Exception {
    HttpClient noCert = client(null);
    assertThatThrownBy(() -> initialize(noCert, mtls)).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void givenMtls_aCertificateFromAnotherCa_isRefusedInTheHandshake() throws Exception {
    HttpClient rogue = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(TestCertificates.context(pki.ca, mallory, "TLS"))
        .build();
    assertThatThrownBy(() -> initialize(rogue, mtls)).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void givenMtls_aGoodCertificate_isThePrincipalOfAnAuditedCall() throws Exception {
    HttpClient good = client(alice);
    assertThat(initialize(good, mtls).statusCode()).isEqualTo(200);

    JsonNode answer = MtlsSession.callTool(good, mtls.baseUrl() + "/mcp", "kubernetes_list_resources_summary", Map.of("kind", "pods", "namespace", "shop"));
    assertThat(answer.path("result").path("isError").asBoolean()).as(answer.toString()).isFalse();
    List<Map<String, Object>> rows = mtlsDb.query("select principal, auth_method from audit_event where event_type = 'TOOL_CALL' and auth_method = 'mtls'");
    assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get("principal")).isEqualTo("alice"));
  }

  @Test
  void givenMtlsAndAnEs256ProviderWithACompanyCa_anEs256TokenIsAcceptedAndAnRs256OneRefused() throws Exception {
    HttpClient good = client(alice);
    String es256 = TestIdentityProvider.sign(idp.claims("judy", List.of("platform-admins"), null), idp.ec);
    String rs256 = TestIdentityProvider.sign(idp.claims("judy", List.of("platform-admins"), null), idp.rsa);

    assertThat(initialize(good, mtls, "Authorization", "Bearer " + es256).statusCode()).isEqualTo(200);
    assertThat(initialize(good, mtls, "Authorization", "Bearer " + rs256).statusCode()).isEqualTo(401);
  }
}
