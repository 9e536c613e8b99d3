package dev.marquee.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real HTTP server on loopback, which the tests open explicitly as an allowed network.
 */
class GuardedHttpClientTest {
  private static final GuardedHttpClient.Limits LIMITS =
      new GuardedHttpClient.Limits(Duration.ofSeconds(2), Duration.ofSeconds(5), 1024, 3);

  private HttpServer server;
  private URI base;
  private final AtomicInteger metadataHits = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/ok", exchange -> respond(exchange, 200, "fine".getBytes()));
    server.createContext("/big", exchange -> respond(exchange, 200, new byte[4096]));
    server.createContext("/to-private", exchange -> redirect(exchange, "http://10.0.0.1/admin"));
    server.createContext(
        "/to-metadata", exchange -> redirect(exchange, "http://metadata.test/latest/meta-data/"));
    server.createContext("/to-ok", exchange -> redirect(exchange, "/ok"));
    server.createContext("/loop", exchange -> redirect(exchange, "/loop"));
    server.createContext(
        "/meta",
        exchange -> {
          metadataHits.incrementAndGet();
          respond(exchange, 200, "secret".getBytes());
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private GuardedHttpClient loopbackAllowed() {
    return new GuardedHttpClient(
        new OutboundAddressPolicy(List.of(Network.parse("127.0.0.1/32"))), LIMITS, this::resolve);
  }

  /** metadata.test stands for a name an attacker points at the cloud metadata address. */
  private InetAddress[] resolve(String host) throws UnknownHostException {
    if (host.endsWith(".invalid")) {
      throw new UnknownHostException(host);
    }
    if (host.equals("metadata.test")) {
      return new InetAddress[] {InetAddress.getByName("169.254.169.254")};
    }
    return InetAddress.getAllByName(host);
  }

  @Test
  void fetchesAllowedDestinationAndFollowsCheckedRedirects() throws Exception {
    GuardedHttpClient.Reply reply = loopbackAllowed().send(get("/to-ok"));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(new String(reply.body())).isEqualTo("fine");
    assertThat(reply.uri().getPath()).isEqualTo("/ok");
  }

  @Test
  void loopbackIsRefusedByDefault() {
    GuardedHttpClient strict =
        new GuardedHttpClient(new OutboundAddressPolicy(List.of()), LIMITS, this::resolve);
    assertThatThrownBy(() -> strict.send(get("/ok")))
        .isInstanceOf(RefusedDestinationException.class)
        .hasMessageContaining("loopback");
  }

  @Test
  void redirectsIntoPrivateOrMetadataAddressesAreRefused() {
    assertThatThrownBy(() -> loopbackAllowed().send(get("/to-private")))
        .isInstanceOf(RefusedDestinationException.class)
        .hasMessageContaining("private address");
    assertThatThrownBy(() -> loopbackAllowed().send(get("/to-metadata")))
        .isInstanceOf(RefusedDestinationException.class)
        .hasMessageContaining("link-local");
  }

  @Test
  void redirectChainsAreBoundedAndPostIsNeverRedirected() throws Exception {
    GuardedHttpClient.Reply loop = loopbackAllowed().send(get("/loop"));
    assertThat(loop.status()).isEqualTo(302);

    HttpRequest post =
        HttpRequest.newBuilder(base.resolve("/to-ok"))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    assertThat(loopbackAllowed().send(post).status()).isEqualTo(302);
  }

  @Test
  void responseBodiesAreCutAtTheLimit() {
    assertThatThrownBy(() -> loopbackAllowed().send(get("/big")))
        .isInstanceOf(ResponseTooLargeException.class);
  }

  @Test
  void refusesOtherSchemesCredentialsAndUnknownHosts() {
    GuardedHttpClient client = loopbackAllowed();
    assertThatThrownBy(() -> client.checkDestination(URI.create("file:///etc/passwd")))
        .hasMessageContaining("only http and https");
    assertThatThrownBy(() -> client.checkDestination(URI.create("http://user:pw@127.0.0.1/")))
        .hasMessageContaining("credentials");
    assertThatThrownBy(() -> client.checkDestination(URI.create("http://no-such-host.invalid/")))
        .hasMessageContaining("does not resolve");
    assertThat(metadataHits).hasValue(0);
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).GET().build();
  }

  private static void redirect(com.sun.net.httpserver.HttpExchange exchange, String location)
      throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body)
      throws IOException {
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
