package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outbound webhooks end to end: a real HTTP receiver in the test JVM (its loopback network is
 * opened for the test server in arquillian.xml), signatures checked with an implementation of the
 * Standard Webhooks verification written here from the specification, not Marquee's.
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  /** One received request: headers we check and the raw body. */
  record Received(String id, String timestamp, String signature, byte[] body) {}

  private HttpServer receiver;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  /** Answers for the next requests, then 204 for every further one. */
  private final BlockingQueue<Integer> answers = new LinkedBlockingQueue<>();

  private final AtomicInteger hits = new AtomicInteger();

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    receiver.createContext("/hook", this::receive);
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private void receive(HttpExchange exchange) throws IOException {
    hits.incrementAndGet();
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.add(
        new Received(
            exchange.getRequestHeaders().getFirst("webhook-id"),
            exchange.getRequestHeaders().getFirst("webhook-timestamp"),
            exchange.getRequestHeaders().getFirst("webhook-signature"),
            body));
    Integer status = answers.poll();
    exchange.sendResponseHeaders(status == null ? 204 : status, -1);
    exchange.close();
  }

  private String receiverUrl() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  private ApiClient admin() {
    return ApiClient.anonymous(base).as("administrator");
  }

  private JsonNode subscribe(List<String> types) {
    ApiClient.Reply reply =
        admin()
            .postJson(
                "api/v1/webhook-subscriptions",
                Map.of("url", receiverUrl(), "eventTypes", types, "description", "IT receiver"));
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.header("Location")).contains("/api/v1/webhook-subscriptions/");
    return reply.json();
  }

  private Received next() throws InterruptedException {
    Received r = received.poll(30, TimeUnit.SECONDS);
    assertThat(r).as("a delivery within 30 s").isNotNull();
    return r;
  }

  /** Standard Webhooks verification, from https://www.standardwebhooks.com (symmetric, v1). */
  private static boolean signatureValid(String secret, Received r) throws Exception {
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    String signedContent =
        r.id() + "." + r.timestamp() + "." + new String(r.body(), StandardCharsets.UTF_8);
    byte[] expected = mac.doFinal(signedContent.getBytes(StandardCharsets.UTF_8));
    for (String part : r.signature().split(" ")) {
      String[] versioned = part.split(",", 2);
      if (versioned.length == 2
          && versioned[0].equals("v1")
          && MessageDigest.isEqual(expected, Base64.getDecoder().decode(versioned[1]))) {
        return true;
      }
    }
    return false;
  }

  private JsonNode waitForStatus(String messageId, String status) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonNode message = null;
    while (Instant.now().isBefore(deadline)) {
      message = admin().get("api/v1/webhook-messages/" + messageId).json();
      if (message.path("status").asText().equals(status)) {
        return message;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("message did not reach " + status + " within 60 s: " + message);
  }

  private String messageIdOf(String subscriptionId, String webhookId) {
    for (JsonNode item :
        admin()
            .get("api/v1/webhook-subscriptions/" + subscriptionId + "/messages")
            .json()
            .path("items")) {
      if (item.path("webhookId").asText().equals(webhookId)) {
        return item.path("id").asText();
      }
    }
    throw new AssertionError("no message " + webhookId + " in the delivery log");
  }

  @Test
  void entryChangesAreDeliveredSignedAndLogged() throws Exception {
    JsonNode created = subscribe(List.of("entry.changed"));
    String secret = created.path("secret").asText();
    String subscriptionId = created.path("subscription").path("id").asText();
    assertThat(secret).startsWith("whsec_");
    ApiClient.Reply read = admin().get("api/v1/webhook-subscriptions/" + subscriptionId);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isNotBlank();
    assertThat(read.text()).doesNotContain(secret.substring(6));

    ApiClient.Reply entry =
        ApiClient.anonymous(base)
            .as("editor")
            .postJson(
                "api/v1/entries",
                CatalogIT.entry("wh-" + UUID.randomUUID().toString().substring(0, 8), "Charade"));
    assertThat(entry.status()).isEqualTo(201);
    String entryId = entry.json().path("id").asText();

    Received delivery = next();
    assertThat(signatureValid(secret, delivery)).as("Standard Webhooks signature").isTrue();
    assertThat(Math.abs(Long.parseLong(delivery.timestamp()) - Instant.now().getEpochSecond()))
        .isLessThan(60);
    JsonNode payload = JSON.readTree(delivery.body());
    assertThat(payload.path("type").asText()).isEqualTo("entry.changed");
    assertThat(payload.path("data").path("entryId").asText()).isEqualTo(entryId);
    assertThat(payload.path("data").path("change").asText()).isEqualTo("ENTRY_CREATED");

    JsonNode detail = waitForStatus(messageIdOf(subscriptionId, delivery.id()), "DELIVERED");
    assertThat(detail.path("deliveryAttempts")).hasSize(1);
    assertThat(detail.path("deliveryAttempts").get(0).path("statusCode").asInt()).isEqualTo(204);
    admin().delete("api/v1/webhook-subscriptions/" + subscriptionId);
  }

  @Test
  void renderedVariantsAreAnnouncedOnceWithTheirRenditions() throws Exception {
    JsonNode created = subscribe(List.of("variant.rendered"));
    String secret = created.path("secret").asText();
    String subscriptionId = created.path("subscription").path("id").asText();
    ApiClient editor = ApiClient.anonymous(base).as("editor");
    String run = UUID.randomUUID().toString().substring(0, 8);
    String entry = RenderingFixtures.createEntry(editor, "wh-render-" + run, "Rocket");
    String image = RenderingFixtures.seedImage(editor, entry, "rocket.jpg");
    String template = "wh-hero-" + run;
    RenderingFixtures.createTemplate(
        editor,
        template,
        RenderingFixtures.heroDefinition(List.of(RenderingFixtures.size(320, 180))));
    Map<String, Object> job = Map.of("templates", List.of(template));

    ApiClient.Reply submitted = editor.postJson("api/v1/entries/" + entry + "/render-jobs", job);
    assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
    JsonNode done = RenderingFixtures.awaitJob(editor, submitted.header("Location"));
    assertThat(done.path("rendered").asInt()).as("%s", done).isEqualTo(1);
    JsonNode variant =
        editor.get("api/v1/entries/" + entry + "/variants").json().path("items").get(0);

    Received delivery = next();
    assertThat(signatureValid(secret, delivery)).isTrue();
    JsonNode payload = JSON.readTree(delivery.body());
    assertThat(payload.path("type").asText()).isEqualTo("variant.rendered");
    JsonNode data = payload.path("data");
    assertThat(data.path("variantId").asText()).isEqualTo(variant.path("id").asText());
    assertThat(data.path("entryId").asText()).isEqualTo(entry);
    assertThat(data.path("sourceImageId").asText()).isEqualTo(image);
    assertThat(data.path("template").asText()).isEqualTo(template);
    assertThat(data.path("templateVersion").asInt()).isEqualTo(1);
    assertThat(data.path("jobId").asText()).isEqualTo(done.path("id").asText());
    JsonNode rendition = data.path("renditions").get(0);
    assertThat(rendition.path("width").asInt()).isEqualTo(320);
    assertThat(rendition.path("height").asInt()).isEqualTo(180);
    assertThat(rendition.path("url").asText())
        .isEqualTo(variant.path("renditions").get(0).path("url").asText());
    assertThat(ApiClient.anonymous(base).get(rendition.path("url").asText().substring(1)).status())
        .isEqualTo(200);

    // The same job again renders nothing new, so nothing is announced.
    ApiClient.Reply again = editor.postJson("api/v1/entries/" + entry + "/render-jobs", job);
    assertThat(RenderingFixtures.awaitJob(editor, again.header("Location")).path("skipped").asInt())
        .isEqualTo(1);
    assertThat(received.poll(3, TimeUnit.SECONDS)).isNull();
    admin().delete("api/v1/webhook-subscriptions/" + subscriptionId);
  }

  @Test
  void failedDeliveriesAreRetriedWithTheSameIdThenDeadLetteredAndRedeliverable() throws Exception {
    JsonNode created = subscribe(List.of("entry.changed"));
    String subscriptionId = created.path("subscription").path("id").asText();
    // The test server retries after 1 s and 1 s (arquillian.xml): three attempts, all refused.
    answers.addAll(List.of(503, 500, 500));

    ApiClient.Reply test =
        admin()
            .send(
                admin()
                    .request("api/v1/webhook-subscriptions/" + subscriptionId + "/test")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertThat(test.status()).as("%s", test).isEqualTo(202);
    String messageId = test.json().path("id").asText();

    Received first = next();
    Received second = next();
    Received third = next();
    assertThat(List.of(second.id(), third.id())).containsOnly(first.id());
    JsonNode dead = waitForStatus(messageId, "DEAD");
    assertThat(dead.path("attempts").asInt()).isEqualTo(3);
    assertThat(dead.path("lastStatus").asInt()).isEqualTo(500);
    JsonNode attempts =
        admin().get("api/v1/webhook-messages/" + messageId).json().path("deliveryAttempts");
    assertThat(attempts.findValuesAsText("statusCode")).containsExactly("503", "500", "500");
    assertThat(JSON.readTree(first.body()).path("type").asText()).isEqualTo("webhook.test");

    ApiClient.Reply redeliver =
        admin()
            .send(
                admin()
                    .request("api/v1/webhook-messages/" + messageId + "/redeliver")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertThat(redeliver.status()).as("%s", redeliver).isEqualTo(202);
    assertThat(next().id()).isEqualTo(first.id());
    JsonNode delivered = waitForStatus(messageId, "DELIVERED");
    assertThat(delivered.path("deliveryAttempts").findValuesAsText("attempt"))
        .as("the log keeps every attempt across the redelivery")
        .containsExactly("1", "2", "3", "4");
    admin().delete("api/v1/webhook-subscriptions/" + subscriptionId);
  }

  @Test
  void destinationsInsideTheServersNetworkAreRefused() {
    for (String url :
        List.of(
            "http://10.0.0.1/hook",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::1]:8080/hook",
            "http://[::ffff:192.168.0.1]/hook",
            "ftp://127.0.0.1/hook",
            "http://user:pw@127.0.0.1/hook")) {
      ApiClient.Reply reply =
          admin()
              .postJson(
                  "api/v1/webhook-subscriptions",
                  Map.of("url", url, "eventTypes", List.of("entry.changed")));
      assertFieldError(reply, "url");
    }
    assertFieldError(
        admin()
            .postJson(
                "api/v1/webhook-subscriptions",
                Map.of("url", receiverUrl(), "eventTypes", List.of())),
        "eventTypes");
    assertFieldError(
        admin()
            .postJson(
                "api/v1/webhook-subscriptions",
                Map.of("url", receiverUrl(), "eventTypes", List.of("webhook.test"))),
        "eventTypes");
    ApiClient.Reply unknownType =
        admin()
            .postJson(
                "api/v1/webhook-subscriptions",
                Map.of("url", receiverUrl(), "eventTypes", List.of("entry.deleted")));
    assertThat(unknownType.status()).isEqualTo(400);
    assertThat(unknownType.contentType()).startsWith("application/problem+json");
    assertThat(hits).hasValue(0);
  }

  @Test
  void updatesNeedTheCurrentVersionAndDeletionRemovesTheSubscription() {
    JsonNode created = subscribe(List.of("promotion.published"));
    String id = created.path("subscription").path("id").asText();
    Map<String, Object> change =
        Map.of("url", receiverUrl(), "eventTypes", List.of("entry.changed"), "enabled", false);
    assertThat(admin().putJson("api/v1/webhook-subscriptions/" + id, change, null).status())
        .isEqualTo(428);
    assertThat(admin().putJson("api/v1/webhook-subscriptions/" + id, change, "\"99\"").status())
        .isEqualTo(412);
    String etag = admin().get("api/v1/webhook-subscriptions/" + id).header("ETag");
    ApiClient.Reply updated = admin().putJson("api/v1/webhook-subscriptions/" + id, change, etag);
    assertThat(updated.status()).as("%s", updated).isEqualTo(200);
    assertThat(updated.json().path("enabled").asBoolean()).isFalse();
    assertThat(updated.header("ETag")).isNotEqualTo(etag);

    assertThat(admin().get("api/v1/webhook-messages/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(admin().delete("api/v1/webhook-subscriptions/" + id).status()).isEqualTo(204);
    assertThat(admin().get("api/v1/webhook-subscriptions/" + id).status()).isEqualTo(404);
  }
}
