package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox across a restart: the application stops while a delivery is in flight (the receiver
 * never answers it), and after the application starts again the committed message is delivered with
 * the same {@code webhook-id}, once the stopped node's claim has lapsed.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookOutboxRestartIT {
  private static final String DEPLOYMENT = "restartable";

  @Deployment(name = DEPLOYMENT, managed = false, testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource Deployer deployer;

  private HttpServer receiver;

  @AfterEach
  void stopReceiver() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void aCommittedMessageIsDeliveredAfterTheApplicationRestarts() throws Exception {
    BlockingQueue<String> ids = new LinkedBlockingQueue<>();
    BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
    CountDownLatch release = new CountDownLatch(1);
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          boolean first = ids.isEmpty();
          arrivals.add(System.nanoTime());
          ids.add(exchange.getRequestHeaders().getFirst("webhook-id"));
          if (first) {
            try {
              // Hold the first delivery open until the application is gone.
              release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          try {
            exchange.sendResponseHeaders(204, -1);
          } catch (IOException e) {
            // The sender gave up (timeout or shutdown); that is the point of the test.
          }
          exchange.close();
        });
    receiver.start();
    URL base =
        new URL(
            "http://127.0.0.1:" + (8080 + Integer.getInteger("marquee.it.port-offset", 100)) + "/");

    deployer.deploy(DEPLOYMENT);
    ApiClient admin = ApiClient.anonymous(base).as("administrator");
    // Earlier test classes leave subscriptions (some to hosts that never resolve here) with queued
    // messages; the dispatcher works in order, so they could delay this test's first delivery past
    // its wait. Deleting a subscription deletes its messages.
    for (JsonNode left : admin.get("api/v1/webhook-subscriptions?limit=100").json().path("items")) {
      admin.delete("api/v1/webhook-subscriptions/" + left.path("id").asText());
    }
    ApiClient.Reply subscribed =
        admin.postJson(
            "api/v1/webhook-subscriptions",
            Map.of(
                "url",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "eventTypes",
                List.of("entry.changed")));
    assertThat(subscribed.status()).as("%s", subscribed).isEqualTo(201);
    String subscriptionId = subscribed.json().path("subscription").path("id").asText();
    ApiClient.Reply entry =
        ApiClient.anonymous(base)
            .as("editor")
            .postJson(
                "api/v1/entries",
                CatalogIT.entry(
                    "restart-" + UUID.randomUUID().toString().substring(0, 8), "Detour"));
    assertThat(entry.status()).isEqualTo(201);

    String inFlight = ids.poll(60, TimeUnit.SECONDS);
    assertThat(inFlight).as("the first delivery reached the receiver").isNotNull();
    deployer.undeploy(DEPLOYMENT);
    release.countDown();

    deployer.deploy(DEPLOYMENT);
    long restarted = System.nanoTime();
    try {
      // The stopped node's claim lapses after the lease (40 s on the test server), then it is sent
      // again; the in-flight call was held open for longer than that (outbound timeout 30 s).
      String afterRestart = ids.poll(150, TimeUnit.SECONDS);
      assertThat(afterRestart).as("delivered again after the restart").isEqualTo(inFlight);
      arrivals.poll();
      assertThat(arrivals.poll())
          .as("the second delivery came from the restarted application")
          .isGreaterThan(restarted);
      JsonNode log =
          admin.get("api/v1/webhook-subscriptions/" + subscriptionId + "/messages").json();
      assertThat(log.path("items").findValuesAsText("webhookId")).contains(inFlight);
      admin.delete("api/v1/webhook-subscriptions/" + subscriptionId);
    } finally {
      deployer.undeploy(DEPLOYMENT);
    }
  }
}
