package dev.marquee.experiment.feed.web;

import dev.marquee.experiment.feed.FeedAnswer;
import dev.marquee.web.EntityTagMatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a feed answer into what is sent: the JSON body, its ETag and its caching policy. Shared by
 * {@link DeliveryFeedResource} and {@link FeedServlet} so both paths answer byte for byte alike.
 */
@ApplicationScoped
public class FeedResponse {
  /** Proxies and CDNs must keep answers apart per app and per origin. */
  static final String VARY = "Authorization, X-Api-Key";

  /** What is sent for one answer. */
  record Written(JsonBody body, String etag, String cacheControl) {}

  @Inject
  @ConfigProperty(name = "marquee.feed.asset-base-url")
  Optional<String> assetBaseUrl;

  @Inject
  @ConfigProperty(name = "marquee.feed.public-max-age", defaultValue = "PT10S")
  Duration publicMaxAge;

  private FeedJson json;

  @PostConstruct
  void start() {
    json = new FeedJson(assetBase());
  }

  /** The answer to a GET: shared caches may keep it when it is the same for every viewer. */
  Written ofGet(FeedAnswer answer) {
    return written(answer, answer.personalised() ? "private, no-cache" : publicCacheControl());
  }

  /** The answer to a POST, which caches never reuse. */
  Written ofPost(FeedAnswer answer) {
    return written(answer, "no-store");
  }

  private Written written(FeedAnswer answer, String cacheControl) {
    JsonBody body = json.write(answer);
    return new Written(body, etag(body.buffer(), body.length()), cacheControl);
  }

  String publicCacheControl() {
    return "public, max-age=" + publicMaxAge.toSeconds();
  }

  private String assetBase() {
    return assetBaseUrl.map(String::trim).map(FeedResponse::stripSlash).orElse("");
  }

  /**
   * A strong ETag for the body: its length, CRC-32C and CRC-32 (96 bits, base64url). It only has to
   * tell one answer to the same request from the next, which two independent checksums and the
   * length do; a cryptographic hash of the 25 KB body cost more CPU than the rest of writing it
   * (docs/benchmarks.md, "Delivery feed"). Nothing trusts it for integrity.
   */
  static String etag(byte[] body, int length) {
    CRC32C c = new CRC32C();
    c.update(body, 0, length);
    CRC32 d = new CRC32();
    d.update(body, 0, length);
    ByteBuffer tag = ByteBuffer.allocate(12).order(ByteOrder.BIG_ENDIAN);
    tag.putInt(length).putInt((int) c.getValue()).putInt((int) d.getValue());
    return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(tag.array()) + "\"";
  }

  /**
   * Whether {@code If-None-Match} names this answer (weak comparison, RFC 9110 13.1.2), so a 304
   * answers it.
   */
  static boolean matches(String ifNoneMatch, String etag) {
    return EntityTagMatch.noneMatchFails(ifNoneMatch, etag.substring(1, etag.length() - 1));
  }

  private static String stripSlash(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
