package dev.marquee.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A webhook receiver on the loopback interface that accepts everything with 204, for tests that
 * check the outbox rows an event leaves rather than the delivery itself (WebhooksIT covers that).
 */
final class WebhookSink implements AutoCloseable {
  private final HttpServer server;

  WebhookSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
