package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The signed inbound webhook, signed here by an independent implementation of the Standard Webhooks
 * scheme (https://www.standardwebhooks.com/: HMAC-SHA256 over "id.timestamp.body" with the
 * base64-decoded whsec_ secret). The server runs with the secret set in arquillian.xml.
 */
@ExtendWith(ArquillianExtension.class)
class IntegrationsIT {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  static String sign(String id, long timestamp, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
    byte[] digest =
        mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    return "v1," + Base64.getEncoder().encodeToString(digest);
  }

  private ApiClient.Reply deliver(
      String source, String id, long timestamp, String signature, String body) {
    ApiClient client = ApiClient.anonymous(base);
    return client.send(
        client
            .request("api/v1/integrations/webhooks/" + source)
            .header("Content-Type", "application/json")
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private ApiClient.Reply deliverSigned(String id, String body) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    return deliver("marquee", id, now, sign(id, now, body), body);
  }

  static String upsert(String externalId, String title) {
    return "{\"type\":\"entry.upserted\",\"entry\":{\"externalId\":\""
        + externalId
        + "\",\"kind\":\"MOVIE\",\"title\":\""
        + title
        + "\",\"tags\":[\"THEME:romance\"]}}";
  }

  @Test
  void signedUpsertAppliesOnceAndReplaysAreRecognised() throws Exception {
    String body = upsert(RUN + "-wh", "Hooked " + RUN);
    ApiClient.Reply first = deliverSigned("msg_" + RUN + "_1", body);
    assertThat(first.status()).as("%s", first).isEqualTo(200);
    assertThat(first.json().path("status").asText()).isEqualTo("ACCEPTED");

    ApiClient.Reply replay = deliverSigned("msg_" + RUN + "_1", body);
    assertThat(replay.json().path("status").asText()).isEqualTo("DUPLICATE");

    var entries =
        ApiClient.anonymous(base).as("editor").get("api/v1/entries?q=Hooked%20" + RUN).json();
    assertThat(entries.path("items")).hasSize(1);
    assertThat(entries.path("items").get(0).path("createdBy").asText())
        .isEqualTo("webhook:marquee");
    assertThat(entries.path("items").get(0).path("version").asLong()).isZero();

    String archive = "{\"type\":\"entry.archived\",\"externalId\":\"" + RUN + "-wh\"}";
    assertThat(deliverSigned("msg_" + RUN + "_2", archive).status()).isEqualTo(200);
    assertThat(
            ApiClient.anonymous(base)
                .as("editor")
                .get("api/v1/entries?q=Hooked%20" + RUN)
                .json()
                .path("items"))
        .isEmpty();
  }

  @Test
  void badSignaturesStaleTimestampsAndUnknownSourcesAreRejected() throws Exception {
    String body = upsert(RUN + "-bad", "Forged " + RUN);
    long now = System.currentTimeMillis() / 1000;
    assertProblem(
        deliver("marquee", "msg_" + RUN + "_f", now, sign("msg_other", now, body), body), 401);
    assertProblem(deliver("marquee", "msg_" + RUN + "_g", now, "v1,AAAA", body), 401);
    long old = now - 3600;
    assertProblem(
        deliver("marquee", "msg_" + RUN + "_o", old, sign("msg_" + RUN + "_o", old, body), body),
        401);
    assertProblem(
        deliver("nope", "msg_" + RUN + "_n", now, sign("msg_" + RUN + "_n", now, body), body), 404);
    assertThat(
            ApiClient.anonymous(base)
                .as("editor")
                .get("api/v1/entries?q=Forged%20" + RUN)
                .json()
                .path("items"))
        .isEmpty();
  }

  @Test
  void signedButInvalidPayloadIs400() throws Exception {
    assertProblem(
        deliverSigned(
            "msg_" + RUN + "_m", "{\"type\":\"entry.upserted\",\"entry\":{\"kind\":\"FILM\"}}"),
        400);
    assertProblem(deliverSigned("msg_" + RUN + "_j", "{not json"), 400);
  }
}
