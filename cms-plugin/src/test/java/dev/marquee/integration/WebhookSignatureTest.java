package dev.marquee.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  // The example published in the Standard Webhooks specification (standard-webhooks/spec.md,
  // "Signature scheme"), also used by the reference libraries' tests.
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TIMESTAMP = 1614265330L;
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  private static final Instant THEN = Instant.ofEpochSecond(TIMESTAMP);

  private final WebhookSignature signature = new WebhookSignature(SECRET);

  private static Map<String, List<String>> headers(String id, String ts, String sig) {
    return Map.of(
        "Webhook-Id",
        List.of(id),
        "webhook-timestamp",
        List.of(ts),
        "WEBHOOK-SIGNATURE",
        List.of(sig));
  }

  @Test
  void signsTheSpecificationsExample() {
    assertThat(signature.sign(MSG_ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
  }

  @Test
  void verifiesTheSpecificationsExampleAmongOtherSignatures() {
    String header = "v1,bm90IHRoaXMgb25l v2,whatever " + EXPECTED;
    assertThat(signature.verify(headers(MSG_ID, "1614265330", header), BODY, THEN.plusSeconds(299)))
        .isEqualTo(MSG_ID);
  }

  @Test
  void rejectsTamperedBodiesIdsAndTimestamps() {
    byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> signature.verify(headers(MSG_ID, "1614265330", EXPECTED), tampered, THEN))
        .isInstanceOf(WebhookAuthenticationException.class);
    assertThatThrownBy(
            () -> signature.verify(headers("msg_other", "1614265330", EXPECTED), BODY, THEN))
        .isInstanceOf(WebhookAuthenticationException.class);
    assertThatThrownBy(() -> signature.verify(headers(MSG_ID, "1614265331", EXPECTED), BODY, THEN))
        .isInstanceOf(WebhookAuthenticationException.class);
    assertThatThrownBy(() -> signature.verify(headers(MSG_ID, "1614265330", "v1,%%%"), BODY, THEN))
        .isInstanceOf(WebhookAuthenticationException.class);
  }

  @Test
  void rejectsTimestampsOutsideFiveMinutesAndMissingHeaders() {
    assertThatThrownBy(
            () ->
                signature.verify(
                    headers(MSG_ID, "1614265330", EXPECTED), BODY, THEN.plusSeconds(301)))
        .isInstanceOf(WebhookAuthenticationException.class)
        .hasMessageContaining("5 minutes");
    assertThatThrownBy(
            () ->
                signature.verify(
                    headers(MSG_ID, "1614265330", EXPECTED), BODY, THEN.minusSeconds(301)))
        .isInstanceOf(WebhookAuthenticationException.class);
    assertThatThrownBy(() -> signature.verify(headers(MSG_ID, "yesterday", EXPECTED), BODY, THEN))
        .isInstanceOf(WebhookAuthenticationException.class);
    assertThatThrownBy(() -> signature.verify(Map.of(), BODY, THEN))
        .isInstanceOf(WebhookAuthenticationException.class)
        .hasMessageContaining("webhook-id");
  }

  @Test
  void acceptsARawSecret() {
    WebhookSignature raw = new WebhookSignature("plain-secret");
    String sig = raw.sign("m1", TIMESTAMP, BODY);
    assertThat(raw.verify(headers("m1", String.valueOf(TIMESTAMP), sig), BODY, THEN))
        .isEqualTo("m1");
    assertThatThrownBy(
            () -> signature.verify(headers("m1", String.valueOf(TIMESTAMP), sig), BODY, THEN))
        .isInstanceOf(WebhookAuthenticationException.class);
  }
}
