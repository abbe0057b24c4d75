package it.io.cloudnativemcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Identity and governance through the real server: company SSO tokens (and the attacks on them),
 * API keys with a lifecycle, per-principal policies, the audit API with the seed guide's queries,
 * rate limits, the failure monitor with its alert webhook, and metrics.
 *
 * <p>Requests come from 127.0.0.1, which this server trusts as a proxy, so each test poses as its
 * own client address with {@code X-Forwarded-For}: blocks and per-address limits stay separate.
 */
class SecurityEndToEndIT {
  static final String ADMIN_KEY = "Adm1n-Key-For-E2E!2026";
  static final String WEBHOOK_SECRET = "webhook-signing-secret-for-tests";
  static final AtomicInteger ADDRESSES = new AtomicInteger(1);

  static KubernetesFixture k8s;
  static Postgres db;
  static TestIdentityProvider idp;
  static WebhookReceiver webhook;
  static LibertyServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    k8s = new KubernetesFixture().seedShop();
    db = new Postgres();
    idp = new TestIdentityProvider();
    webhook = new WebhookReceiver();
    Path kubeconfig = k8s.writeKubeconfig(Path.of(System.getProperty("it.work.dir", "target/it"), "security-kube"));
    String config =
        """
        server:
          addr: "127.0.0.1:%%PORT%%"
          trustedProxies: ["127.0.0.1/32"]
        auth:
          enabled: true
          mode: "apikey, jwt"
          apiKey: "${MCP_AUTH_API_KEY}"
          keyCacheSeconds: 0
          jwt:
            issuer: "%s"
            jwksUri: "%s"
            audiences: ["%s"]
            groupsClaim: "groups"
            requiredScopes: ["mcp:tools"]
        ratelimit:
          enabled: true
          requests_per_second: 1000
          burst: 2000
        monitoring:
          auth_failure_threshold: 3
          auth_failure_window: 60
          block_duration: 3
          anomaly_detection:
            enabled: true
            sensitivity: "high"
          webhook:
            url: "%s"
        kubernetes:
          kubeconfig: "%s"
        policies:
          - name: admins
            match: {keys: ["admin"], groups: ["platform-admins"]}
            allow:
              tools: ["*"]
              risks: [read_only, mutating, destructive]
              namespaces: ["*"]
              permissions: ["audit:read", "keys:admin"]
          - name: rate-limited-bots
            match: {keys: ["rate-*"]}
            allow:
              tools: ["kubernetes_*"]
              risks: [read_only]
              namespaces: ["*"]
              rateLimit: {requests_per_second: 20, burst: 5}
          - name: readers
            match: {authenticated: true}
            allow:
              tools: ["kubernetes_*"]
              risks: [read_only]
              namespaces: ["*", "!kube-system"]
        """
            .formatted(idp.issuer(), idp.jwksUri(), TestIdentityProvider.AUDIENCE, webhook.url(), kubeconfig)
            .replace("%%PORT%%", "%PORT%")
            + db.auditConfig();
    server =
        LibertyServer.start(
            "security",
            config,
            LibertyServer.env(
                "MCP_AUTH_API_KEY", ADMIN_KEY,
                "MCP_TEST_DB_PASSWORD", Postgres.PASSWORD,
                "MONITORING_WEBHOOK_SECRET", WEBHOOK_SECRET));
    http = new Http(server.baseUrl());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    for (AutoCloseable c : new AutoCloseable[] {k8s, webhook, idp, db}) {
      if (c != null) {
        c.close();
      }
    }
  }

  /** A client address of its own for each caller, through the trusted proxy. */
  static String newAddress() {
    int n = ADDRESSES.getAndIncrement();
    return "10.77." + (n / 250) + "." + (n % 250 + 1);
  }

  static String[] as(String address, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "X-Forwarded-For";
    all[1] = address;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return all;
  }

  static String token(JwtClaims claims) throws Exception {
    return TestIdentityProvider.sign(claims, idp.rsa);
  }

  static JwtClaims reader(String subject) {
    return idp.claims(subject, List.of("developers"), "openid mcp:tools");
  }

  // ---------------------------------------------------------------- SSO

  @Test
  void givenAValidRs256Token_initialize_isAccepted() throws Exception {
    HttpResponse<String> r =
        http.initialize(as(newAddress(), "Authorization", "Bearer " + TestIdentityProvider.sign(reader("dana"), idp.rsa)));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  void givenATokenSignedWithAnotherAlgorithmThanConfigured_initialize_isRefused() throws Exception {
    // This server expects RS256 (auth.jwt.algorithm); the ES256 path is tested by the TLS suite.
    HttpResponse<String> r =
        http.initialize(as(newAddress(), "Authorization", "Bearer " + TestIdentityProvider.sign(reader("dana"), idp.ec)));

    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void givenForgedOrInvalidTokens_initialize_isRefusedWith401() throws Exception {
    JwtClaims expired = reader("eve");
    expired.setExpirationTime(NumericDate.fromSeconds(Instant.now().getEpochSecond() - 600));
    expired.setIssuedAt(NumericDate.fromSeconds(Instant.now().getEpochSecond() - 900));
    expired.setNotBefore(NumericDate.fromSeconds(Instant.now().getEpochSecond() - 900));
    JwtClaims notYetValid = reader("eve");
    notYetValid.setNotBefore(NumericDate.fromSeconds(Instant.now().getEpochSecond() + 3600));
    JwtClaims wrongIssuer = reader("eve");
    wrongIssuer.setIssuer("https://evil.example.com/realms/test");
    JwtClaims wrongAudience = reader("eve");
    wrongAudience.setAudience("some-other-api");
    PublicJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
    stranger.setKeyId("unknown-kid");
    stranger.setAlgorithm("RS256");

    Map<String, String> attacks = new java.util.LinkedHashMap<>();
    attacks.put("expired", token(expired));
    attacks.put("not yet valid", token(notYetValid));
    attacks.put("wrong issuer", token(wrongIssuer));
    attacks.put("wrong audience", token(wrongAudience));
    attacks.put("unknown kid", TestIdentityProvider.sign(reader("eve"), stranger));
    attacks.put("alg none", TestIdentityProvider.unsigned(reader("admin")));
    attacks.put("HS256 with the public key", TestIdentityProvider.hmacWithPublicKey(reader("admin"), idp.rsa));
    attacks.put("tampered payload", TestIdentityProvider.tampered(token(reader("eve")), Map.of("\"sub\":\"eve\"", "\"sub\":\"admin\"")));
    for (Map.Entry<String, String> attack : attacks.entrySet()) {
      HttpResponse<String> r = http.initialize(as(newAddress(), "Authorization", "Bearer " + attack.getValue()));
      assertThat(r.statusCode()).as(attack.getKey()).isEqualTo(401);
      assertThat(r.headers().allValues("WWW-Authenticate"))
          .as(attack.getKey())
          .anySatisfy(v -> assertThat(v).startsWith("Bearer").contains("resource_metadata=\"" + server.baseUrl() + "/.well-known/oauth-protected-resource\""))
          .anySatisfy(v -> assertThat(v).startsWith("ApiKey"));
      assertThat(r.body()).contains("\"status\":401").doesNotContain("Exception");
    }
  }

  @Test
  void givenATokenWithoutTheScope_initialize_is403InsufficientScope() throws Exception {
    HttpResponse<String> r =
        http.initialize(as(newAddress(), "Authorization", "Bearer " + token(idp.claims("frank", List.of(), "openid"))));

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).contains("error=\"insufficient_scope\"").contains("scope=\"mcp:tools\""));
  }

  @Test
  void givenTheProviderRotatesItsKey_aTokenWithTheNewKid_isAcceptedWithoutRestart() throws Exception {
    PublicJsonWebKey next = idp.rotate();

    HttpResponse<String> r = http.initialize(as(newAddress(), "Authorization", "Bearer " + TestIdentityProvider.sign(reader("gina"), next)));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  void givenNoCredentials_theProtectedResourceMetadata_namesTheIdentityProvider() throws Exception {
    HttpResponse<String> r = http.get("/.well-known/oauth-protected-resource");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode doc = Http.json(r);
    assertThat(doc.path("resource").asText()).isEqualTo(server.baseUrl() + "/mcp");
    assertThat(doc.path("authorization_servers").get(0).asText()).isEqualTo(idp.issuer());
    assertThat(doc.path("scopes_supported").get(0).asText()).isEqualTo("mcp:tools");
    assertThat(doc.path("bearer_methods_supported").get(0).asText()).isEqualTo("header");
  }

  @Test
  void givenAJwt_theTypeScriptClient_seesReaderToolsAndTheAuditNamesTheSubject() throws Exception {
    String subject = "hank-" + System.nanoTime();
    JsonNode report =
        new NodeMcpClient(server.baseUrl() + "/mcp", "streamable-http")
            .header("Authorization", "Bearer " + token(reader(subject)))
            .listTools()
            .callTool("kubernetes_list_resources_summary", Map.of("kind", "pods", "namespace", "shop"))
            .callTool("kubernetes_list_resources_summary", Map.of("kind", "pods", "namespace", "kube-system"))
            .callTool("kubernetes_list_resources_summary", Map.of("kind", "pods"))
            .run();

    assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
    JsonNode results = report.path("results");
    assertThat(results.get(1).path("result").path("isError").asBoolean()).isFalse();
    assertThat(results.get(2).path("result").path("isError").asBoolean()).isTrue();
    assertThat(results.get(2).path("result").path("content").get(0).path("text").asText())
        .contains("Access denied", "namespace 'kube-system'");
    assertThat(results.get(3).path("result").path("content").get(0).path("text").asText()).contains("name one with the 'namespace' argument");
    List<Map<String, Object>> rows = db.query("select principal, auth_method, outcome from audit_event where principal = ? order by id", subject);
    assertThat(rows).extracting(r -> r.get("outcome")).containsExactly("SUCCESS", "DENIED", "DENIED");
    assertThat(rows).allSatisfy(r -> assertThat(r.get("auth_method")).isEqualTo("jwt"));
  }

  // ---------------------------------------------------------------- API keys

  @Test
  void givenTheAdmin_theKeyLifecycle_createListRotateRevoke() throws Exception {
    String address = newAddress();
    HttpResponse<String> created =
        http.post("/api/keys", "{\"name\":\"ci-bot\",\"groups\":[\"ci\"],\"expiresInDays\":30}", as(address, "X-API-Key", ADMIN_KEY));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode key = Http.json(created);
    String id = key.path("id").asText();
    String plaintext = key.path("key").asText();
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/keys/" + id).doesNotContain("/api/api/"));
    assertThat(plaintext).startsWith("cnm_").hasSize(44);
    assertThat(key.path("prefix").asText()).isEqualTo(plaintext.substring(0, 6));
    assertThat(key.path("groups").get(0).asText()).isEqualTo("ci");
    assertThat(key.path("expiresAt").asText()).isNotEmpty();
    assertThat(http.initialize(as(address, "X-API-Key", plaintext)).statusCode()).isEqualTo(200);

    HttpResponse<String> listed = http.get("/api/keys", as(address, "X-API-Key", ADMIN_KEY));
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).doesNotContain(plaintext).contains(id).contains("\"state\":\"active\"");

    HttpResponse<String> forbidden = http.get("/api/keys", as(address, "X-API-Key", plaintext));
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(Http.json(forbidden).path("code").asText()).isEqualTo("forbidden");

    HttpResponse<String> rotated = http.post("/api/keys/" + id + "/rotate", "", as(address, "X-API-Key", ADMIN_KEY));
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
    JsonNode next = Http.json(rotated);
    assertThat(next.path("replaces").asText()).isEqualTo(id);
    assertThat(rotated.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/keys/" + next.path("id").asText()));
    assertThat(Instant.parse(next.path("previousValidUntil").asText())).isAfter(Instant.now().plusSeconds(3600));
    String nextKey = next.path("key").asText();
    assertThat(http.initialize(as(address, "X-API-Key", plaintext)).statusCode()).as("old key during the overlap").isEqualTo(200);
    assertThat(http.initialize(as(address, "X-API-Key", nextKey)).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/keys", as(address, "X-API-Key", ADMIN_KEY)).body()).contains("\"state\":\"expiring\"");

    HttpResponse<String> revoked = http.delete("/api/keys/" + next.path("id").asText(), as(address, "X-API-Key", ADMIN_KEY));
    assertThat(revoked.statusCode()).isEqualTo(204);
    assertThat(http.initialize(as(newAddress(), "X-API-Key", nextKey)).statusCode()).as("revoked at once").isEqualTo(401);

    assertThat(db.query("select action from audit_event where action like 'keys.%' and outcome = 'SUCCESS'"))
        .extracting(r -> r.get("action"))
        .contains("keys.create", "keys.list", "keys.rotate", "keys.revoke");
    assertThat(db.query("select count(*) as n from audit_event where arguments like ? or error like ?", "%" + plaintext + "%", "%" + plaintext + "%"))
        .first()
        .satisfies(r -> assertThat(((Number) r.get("n")).longValue()).as("no key in the audit").isZero());
  }

  @Test
  void givenBadRequests_theKeysApi_answersProblemJson() throws Exception {
    String a = newAddress();
    assertThat(http.post("/api/keys", "{\"groups\":[]}", as(a, "X-API-Key", ADMIN_KEY)).statusCode()).isEqualTo(400);
    assertThat(http.post("/api/keys", "{\"name\":\"admin\"}", as(a, "X-API-Key", ADMIN_KEY)).statusCode()).isEqualTo(400);
    assertThat(http.post("/api/keys", "{\"name\":\"x\",\"expiresInDays\":0}", as(a, "X-API-Key", ADMIN_KEY)).statusCode()).isEqualTo(400);
    HttpResponse<String> notFound = http.delete("/api/keys/not-a-key", as(a, "X-API-Key", ADMIN_KEY));
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(Http.json(notFound).path("code").asText()).isEqualTo("key_not_found");
    HttpResponse<String> broken = http.post("/api/keys", "{not json", as(a, "X-API-Key", ADMIN_KEY));
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).doesNotContain("Exception").doesNotContain("at io.");
  }

  // ---------------------------------------------------------------- Audit API

  @Test
  void givenTheSeedGuidesQueries_theAuditApi_answersThem() throws Exception {
    String a = newAddress();
    http.initialize(as(a, "X-API-Key", "Not-A-Real-Key-12345!")); // one failed authentication to find

    HttpResponse<String> failed = http.get("/api/audit/logs?status=failed&limit=50", as(a, "X-API-Key", ADMIN_KEY));
    assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
    JsonNode items = Http.json(failed).path("items");
    assertThat(items.size()).isBetween(1, 50);
    assertThat(StreamSupport.stream(items.spliterator(), false)).allSatisfy(i -> assertThat(i.path("status").asText()).isEqualTo("failed"));
    JsonNode first = items.get(0);
    for (String field : List.of("id", "timestamp", "principal", "authMethod", "clientAddress", "transport", "sessionId", "tool",
        "namespace", "status", "outcome", "error", "durationMs", "arguments")) {
      assertThat(first.has(field)).as("field " + field).isTrue();
    }
    assertThat(StreamSupport.stream(items.spliterator(), false))
        .anySatisfy(i -> assertThat(i.path("clientAddress").asText()).isEqualTo(a));

    HttpResponse<String> byUser = http.get("/api/audit/logs?user=admin&limit=100", as(a, "X-API-Key", ADMIN_KEY));
    assertThat(byUser.statusCode()).isEqualTo(200);
    assertThat(StreamSupport.stream(Http.json(byUser).path("items").spliterator(), false))
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.path("principal").asText()).isEqualTo("admin"));
  }

  @Test
  void givenManyRecords_theAuditApi_pagesWithACursor() throws Exception {
    String a = newAddress();
    for (int i = 0; i < 6; i++) {
      http.initialize(as(a, "X-API-Key", ADMIN_KEY));
    }
    JsonNode page1 = Http.json(http.get("/api/audit/logs?limit=3", as(a, "X-API-Key", ADMIN_KEY)));
    String cursor = page1.path("nextCursor").asText();
    assertThat(cursor).isNotBlank();
    JsonNode page2 = Http.json(http.get("/api/audit/logs?limit=3&cursor=" + cursor, as(a, "X-API-Key", ADMIN_KEY)));
    assertThat(page2.path("items").size()).isEqualTo(3);
    assertThat(page2.path("items").get(0).path("id").asLong()).isNotEqualTo(page1.path("items").get(0).path("id").asLong());
    assertThat(Instant.parse(page2.path("items").get(0).path("timestamp").asText()))
        .isBeforeOrEqualTo(Instant.parse(page1.path("items").get(2).path("timestamp").asText()));

    assertThat(http.get("/api/audit/logs?status=maybe", as(a, "X-API-Key", ADMIN_KEY)).statusCode()).isEqualTo(400);
    assertThat(http.get("/api/audit/logs?from=yesterday", as(a, "X-API-Key", ADMIN_KEY)).statusCode()).isEqualTo(400);
    assertThat(http.get("/api/audit/logs?cursor=%21%21", as(a, "X-API-Key", ADMIN_KEY)).statusCode()).isEqualTo(400);
  }

  @Test
  void givenAReader_theAuditApi_isForbiddenAndTheAttemptIsAudited() throws Exception {
    String subject = "ivan-" + System.nanoTime();
    HttpResponse<String> r =
        http.get("/api/audit/logs?limit=5", as(newAddress(), "Authorization", "Bearer " + token(reader(subject))));

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(db.count("principal = ? and action = 'audit.query' and outcome = 'DENIED'", subject)).isEqualTo(1);
  }

  @Test
  void givenTheAdmin_exportAndStats_streamAndCount() throws Exception {
    String a = newAddress();
    HttpResponse<String> ndjson = http.get("/api/audit/export?user=admin", as(a, "X-API-Key", ADMIN_KEY));
    assertThat(ndjson.statusCode()).isEqualTo(200);
    assertThat(ndjson.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/x-ndjson"));
    String[] lines = ndjson.body().split("\n");
    assertThat(lines.length).isGreaterThan(0);
    for (String line : lines) {
      assertThat(Http.JSON.readTree(line).path("principal").asText()).isEqualTo("admin");
    }
    HttpResponse<String> csv = http.get("/api/audit/export?format=csv&status=failed", as(a, "X-API-Key", ADMIN_KEY));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).startsWith("id,timestamp,type,principal,authMethod");
    assertThat(http.get("/api/audit/export?format=xml", as(a, "X-API-Key", ADMIN_KEY)).statusCode()).isEqualTo(400);

    HttpResponse<String> stats = http.get("/api/audit/stats", as(a, "X-API-Key", ADMIN_KEY));
    assertThat(stats.statusCode()).isEqualTo(200);
    JsonNode s = Http.json(stats);
    assertThat(s.path("total").asLong()).isPositive();
    assertThat(s.path("byOutcome").has("success")).isTrue();
    assertThat(s.path("byPrincipal").has("admin")).isTrue();
  }

  // ---------------------------------------------------------------- Rate limits

  @Test
  void givenALimitedPrincipal_theAdmittedRate_isWithinTenPercentOfTheConfiguredOne() throws Exception {
    String a = newAddress();
    String key = Http.json(http.post("/api/keys", "{\"name\":\"rate-bot\"}", as(a, "X-API-Key", ADMIN_KEY))).path("key").asText();
    AtomicInteger admitted = new AtomicInteger();
    AtomicInteger limited = new AtomicInteger();
    AtomicInteger retryAfterSeen = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    long durationMs = 5000;
    long start = System.currentTimeMillis();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      workers.add(pool.submit(() -> {
        int sent = 0;
        // Bounded in time and count: about 4 x 30 requests per second offered against 20 allowed.
        while (System.currentTimeMillis() - start < durationMs && sent < 400) {
          try {
            HttpResponse<String> r = http.get("/api/audit/stats", as(newAddress(), "X-API-Key", key));
            if (r.statusCode() == 429) {
              limited.incrementAndGet();
              if (r.headers().firstValue("Retry-After").isPresent()) {
                retryAfterSeen.incrementAndGet();
              }
            } else {
              admitted.incrementAndGet();
            }
            sent++;
            Thread.sleep(30);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
        return null;
      }));
    }
    for (Future<?> w : workers) {
      w.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    double seconds = (System.currentTimeMillis() - start) / 1000.0;
    double rate = (admitted.get() - 5) / seconds; // the burst of 5 comes on top of the rate
    System.out.printf("[rate] offered %.0f/s, admitted %d in %.1f s = %.1f/s against a limit of 20/s; %d refused%n",
        (admitted.get() + limited.get()) / seconds, admitted.get(), seconds, rate, limited.get());
    assertThat(limited.get()).isPositive();
    assertThat(retryAfterSeen.get()).isEqualTo(limited.get());
    assertThat(rate).isBetween(18.0, 22.0);
  }

  // ---------------------------------------------------------------- Monitoring

  @Test
  void givenRepeatedFailures_theSourceIsBlockedAlertedAndReleased() throws Exception {
    String attacker = newAddress();
    int before = webhook.deliveries.size();
    for (int i = 0; i < 3; i++) {
      assertThat(http.initialize(as(attacker, "X-API-Key", "Guess-Number-" + i + "-Abcdef!")).statusCode()).isEqualTo(401);
    }
    long alertRaisedAt = System.currentTimeMillis();

    assertThat(http.initialize(as(attacker, "X-API-Key", ADMIN_KEY)).statusCode()).as("blocked, even with a valid key").isEqualTo(401);
    assertThat(http.initialize(as(newAddress(), "X-API-Key", ADMIN_KEY)).statusCode()).as("other sources are not blocked").isEqualTo(200);

    long deadline = System.currentTimeMillis() + 10_000;
    WebhookReceiver.Delivery delivery = null;
    while (delivery == null && System.currentTimeMillis() < deadline) {
      delivery = webhook.deliveries.stream().skip(before).filter(d -> d.body().contains(attacker)).findFirst().orElse(null);
      Thread.sleep(20);
    }
    assertThat(delivery).as("an alert about " + attacker + " reached the webhook").isNotNull();
    System.out.printf("[alert] webhook received the alert %d ms after the threshold was crossed%n", delivery.receivedAtMillis() - alertRaisedAt);
    JsonNode alert = Http.JSON.readTree(delivery.body());
    assertThat(alert.path("type").asText()).isEqualTo("auth_failures");
    assertThat(alert.path("details").path("blockedAddress").asText()).isEqualTo(attacker);
    assertThat(delivery.body()).doesNotContain("Guess-Number");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    assertThat(delivery.signature()).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(delivery.body().getBytes(StandardCharsets.UTF_8))));
    assertThat(server.messagesLog()).contains("SECURITY_ALERT").contains(attacker);

    Thread.sleep(3200);
    assertThat(http.initialize(as(attacker, "X-API-Key", ADMIN_KEY)).statusCode()).as("released after block_duration").isEqualTo(200);
  }

  @Test
  void givenTheMetricsEndpoint_itIsOpenToLoopbackOnlyAndCountsSecurityEvents() throws Exception {
    http.initialize(as(newAddress(), "X-API-Key", "Unknown-Key-For-Metrics-1!"));

    HttpResponse<String> local = http.get("/metrics");
    assertThat(local.statusCode()).isEqualTo(200);
    assertThat(local.body())
        .contains("# TYPE mcp_tool_calls_total counter")
        .contains("mcp_auth_failures_total{reason=\"invalid_api_key\"}")
        .contains("# TYPE mcp_tool_call_duration_seconds histogram")
        .contains("mcp_audit_buffer_depth")
        .contains("mcp_ratelimit_rejections_total")
        .contains("mcp_alerts_total");

    assertThat(http.get("/metrics", "X-Forwarded-For", "203.0.113.5").statusCode()).as("from elsewhere: credentials needed").isEqualTo(401);
    assertThat(http.get("/metrics", "X-Forwarded-For", "203.0.113.6", "X-API-Key", ADMIN_KEY).statusCode()).isEqualTo(200);
  }
}
