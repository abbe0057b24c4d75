package io.cloudnativemcp.bootstrap.config;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads an OpenID provider's discovery document for its issuer and JWKS endpoint. */
final class OidcDiscovery {
  private OidcDiscovery() {}

  record Document(String issuer, String jwksUri) {}

  static Document fetch(URI discovery) {
    URI uri = discovery.getPath().endsWith("/.well-known/openid-configuration")
        ? discovery
        : URI.create(discovery.toString().replaceAll("/+$", "") + "/.well-known/openid-configuration");
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
              .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(uri + " answered " + response.statusCode());
      }
      try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
        JsonObject doc = reader.readObject();
        return new Document(doc.getString("issuer"), doc.getString("jwks_uri"));
      }
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
