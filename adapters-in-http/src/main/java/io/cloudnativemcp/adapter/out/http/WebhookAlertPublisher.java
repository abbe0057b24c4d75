package io.cloudnativemcp.adapter.out.http;

import io.cloudnativemcp.application.port.out.AlertPublisher;
import io.cloudnativemcp.domain.monitoring.Alert;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers alerts to a webhook ({@code monitoring.webhook.url}) as JSON, in the background, with
 * retries and backoff. When a signing secret is configured (read from the secret store) the body
 * is signed with HMAC-SHA256 in {@code X-MCP-Signature: sha256=<hex>}; the secret itself never
 * travels, and the payload carries no secret either.
 */
public final class WebhookAlertPublisher implements AlertPublisher {
  private static final Logger LOG = Logger.getLogger(WebhookAlertPublisher.class.getName());

  private final URI url;
  private final Supplier<Optional<String>> signingSecret;
  private final String server;
  private final int attempts;
  private final Duration firstBackoff;
  private final HttpClient http;
  private final ExecutorService sender;

  /**
   * @param signingSecret reads the current signing secret (re-read for every alert, so a rotated
   *     secret applies at once)
   * @param attempts deliveries tried at most per alert
   */
  public WebhookAlertPublisher(URI url, Supplier<Optional<String>> signingSecret, String server, int attempts, Duration firstBackoff) {
    this.url = url;
    this.signingSecret = signingSecret;
    this.server = server;
    this.attempts = attempts;
    this.firstBackoff = firstBackoff;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // One sender with a bounded queue: an alert storm cannot exhaust memory or threads.
    this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(1000), r -> {
      Thread t = new Thread(r, "alert-webhook");
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.DiscardOldestPolicy());
  }

  @Override
  public void publish(Alert alert) {
    sender.execute(() -> deliver(alert));
  }

  /** Delivers now, on the caller's thread (tests, shutdown). Returns whether it was accepted. */
  public boolean deliver(Alert alert) {
    String body = AlertJson.toJson(alert, server);
    Duration backoff = firstBackoff;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("User-Agent", "cloud-native-mcp-server")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        signingSecret.get().ifPresent(secret -> request.header("X-MCP-Signature", "sha256=" + hmac(secret, body)));
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 == 2) {
          return true;
        }
        LOG.warning("Alert webhook answered " + response.statusCode() + " (attempt " + attempt + " of " + attempts + ")");
      } catch (java.io.IOException e) {
        LOG.warning("Alert webhook unreachable: " + e.getClass().getSimpleName() + " (attempt " + attempt + " of " + attempts + ")");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      if (attempt < attempts) {
        try {
          Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
        backoff = backoff.multipliedBy(2);
      }
    }
    LOG.severe("Alert " + alert.type().wireName() + " could not be delivered to the webhook after " + attempts + " attempts.");
    return false;
  }

  static String hmac(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
    }
  }

  /** Stops the sender, letting queued deliveries finish for a moment. */
  public CompletableFuture<Void> close() {
    sender.shutdown();
    return CompletableFuture.runAsync(() -> {
      try {
        sender.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }
}
