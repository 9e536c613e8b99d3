package dev.marquee.integration;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies webhook messages per the Standard Webhooks specification
 * (https://www.standardwebhooks.com): headers {@code webhook-id}, {@code webhook-timestamp} (Unix
 * seconds) and {@code webhook-signature} (space-separated {@code v1,<base64 HMAC-SHA256>} over
 * {@code id.timestamp.body}). Pure and thread-safe.
 */
public final class WebhookSignature {
  public static final String ID = "webhook-id";
  public static final String TIMESTAMP = "webhook-timestamp";
  public static final String SIGNATURE = "webhook-signature";

  /** How far a timestamp may be from now in either direction. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final String PREFIX = "whsec_";
  private final byte[] key;

  /**
   * @param secret {@code whsec_<base64>} as the spec writes it, or any other string used raw
   */
  public WebhookSignature(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("a webhook secret is required");
    }
    this.key =
        secret.startsWith(PREFIX)
            ? Base64.getDecoder().decode(secret.substring(PREFIX.length()))
            : secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code webhook-signature} header value for a message. */
  public String sign(String messageId, long timestampSeconds, byte[] body) {
    return "v1," + Base64.getEncoder().encodeToString(mac(messageId, timestampSeconds, body));
  }

  /**
   * Checks a delivery.
   *
   * @param headers request headers (names compared case-insensitively)
   * @return the verified {@code webhook-id}
   * @throws WebhookAuthenticationException when a header is missing, the timestamp is outside
   *     {@link #TOLERANCE} of {@code now}, or no signature matches
   */
  public String verify(Map<String, List<String>> headers, byte[] body, Instant now) {
    String id = header(headers, ID);
    String timestamp = header(headers, TIMESTAMP);
    String signatures = header(headers, SIGNATURE);
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      throw new WebhookAuthenticationException("webhook-timestamp is not a Unix timestamp");
    }
    if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
      throw new WebhookAuthenticationException(
          "webhook-timestamp is more than " + TOLERANCE.toMinutes() + " minutes from now");
    }
    byte[] expected = mac(id, seconds, body);
    for (String candidate : signatures.trim().split(" +")) {
      int comma = candidate.indexOf(',');
      if (comma < 0 || !"v1".equals(candidate.substring(0, comma))) {
        continue;
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(candidate.substring(comma + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      // constant time: the comparison must not reveal how many leading bytes were right
      if (MessageDigest.isEqual(expected, given)) {
        return id;
      }
    }
    throw new WebhookAuthenticationException("no webhook-signature matches the body");
  }

  private byte[] mac(String messageId, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  private static String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey() != null
          && h.getKey().toLowerCase(Locale.ROOT).equals(name)
          && h.getValue() != null
          && !h.getValue().isEmpty()
          && h.getValue().get(0) != null
          && !h.getValue().get(0).isBlank()) {
        return h.getValue().get(0);
      }
    }
    throw new WebhookAuthenticationException("missing header " + name);
  }
}
