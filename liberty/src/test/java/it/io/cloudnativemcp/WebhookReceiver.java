package it.io.cloudnativemcp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook endpoint on 127.0.0.1 that records what it receives (alert deliveries). */
final class WebhookReceiver implements AutoCloseable {
  record Delivery(String body, String signature, long receivedAtMillis) {}

  private final HttpServer server;
  final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/alerts", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst("X-MCP-Signature"), System.currentTimeMillis()));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
