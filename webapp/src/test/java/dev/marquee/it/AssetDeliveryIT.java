package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.render.store.AssetKey;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Public delivery of renditions at /assets. Until render jobs write renditions, the tests place one
 * in the asset store the server uses, exactly as the render pipeline will (content-addressed, via
 * the filesystem store); source images uploaded through the API must stay private.
 */
@ExtendWith(ArquillianExtension.class)
class AssetDeliveryIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  private byte[] rendition;
  private String hash;

  @BeforeEach
  void placeRendition() throws IOException {
    rendition = ItImages.jpeg(160, 90, System.nanoTime());
    hash = AssetKey.of(rendition).sha256Hex();
    AssetDirectory.store().put(new AssetKey(hash), new ByteArrayInputStream(rendition));
  }

  private ApiClient anonymous() {
    return ApiClient.anonymous(base);
  }

  @Test
  void servesRenditionsPubliclyWithImmutableCachingHeaders() {
    ApiClient.Reply reply = anonymous().get("assets/" + hash + ".jpg");
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.bytes()).isEqualTo(rendition);
    assertThat(reply.contentType()).isEqualTo("image/jpeg");
    assertThat(reply.header("Content-Length")).isEqualTo(Integer.toString(rendition.length));
    assertThat(reply.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(reply.header("ETag")).isEqualTo("\"" + hash + "\"");
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");

    ApiClient.Reply head =
        anonymous()
            .send(
                anonymous()
                    .request("assets/" + hash + ".jpg")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.bytes()).isEmpty();
    assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(rendition.length));
    assertThat(head.header("ETag")).isEqualTo("\"" + hash + "\"");
    assertThat(head.contentType()).isEqualTo("image/jpeg");
  }

  @Test
  void answers304WhenTheClientHasTheCurrentCopy() {
    for (String ifNoneMatch :
        new String[] {
          "\"" + hash + "\"", "\"other\", \"" + hash + "\"", "*", "W/\"" + hash + "\""
        }) {
      ApiClient.Reply reply = conditional(ifNoneMatch);
      assertThat(reply.status()).as("If-None-Match: %s", ifNoneMatch).isEqualTo(304);
      assertThat(reply.bytes()).isEmpty();
      assertThat(reply.header("ETag")).isEqualTo("\"" + hash + "\"");
      assertThat(reply.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    }
    ApiClient.Reply changed = conditional("\"" + "0".repeat(64) + "\"");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.bytes()).isEqualTo(rendition);
  }

  private ApiClient.Reply conditional(String ifNoneMatch) {
    return anonymous()
        .send(anonymous().request("assets/" + hash + ".jpg").header("If-None-Match", ifNoneMatch));
  }

  @Test
  void anythingButAWellFormedNameOfAStoredRenditionIsNotFound() {
    for (String path :
        new String[] {
          "assets/" + hash + ".png", // extension does not match the stored bytes
          "assets/" + hash + ".webp",
          "assets/" + hash + ".gif", // not a format Marquee serves
          "assets/" + hash + ".jpeg",
          "assets/" + hash, // no extension
          "assets/" + hash + ".jpg.jpg",
          "assets/" + hash.toUpperCase() + ".jpg", // keys are lower-case hex
          "assets/" + hash.substring(1) + ".jpg",
          "assets/" + "0".repeat(64) + ".jpg", // well-formed, not stored
          "assets/",
          "assets/x/" + hash + ".jpg"
        }) {
      ApiClient.Reply reply = anonymous().get(path);
      assertProblem(reply, 404);
      assertThat(reply.header("Cache-Control"))
          .as(path)
          .isNotEqualTo("public, max-age=31536000, immutable");
    }
  }

  @Test
  void presetsServeANarrowerCopyWithItsOwnContentHash() throws IOException {
    byte[] wide = ItImages.jpeg(800, 450, System.nanoTime());
    String wideHash = AssetKey.of(wide).sha256Hex();
    AssetDirectory.store().put(new AssetKey(wideHash), new ByteArrayInputStream(wide));

    ApiClient.Reply thumb = anonymous().get("assets/thumb/" + wideHash + ".jpg");

    assertThat(thumb.status()).as("%s", thumb).isEqualTo(200);
    assertThat(thumb.contentType()).isEqualTo("image/jpeg");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumb.bytes()));
    assertThat(image.getWidth()).isEqualTo(160); // thumb=160 in the default presets
    assertThat(image.getHeight()).isEqualTo(90);
    String copyHash = AssetKey.of(thumb.bytes()).sha256Hex();
    assertThat(thumb.header("ETag")).isEqualTo("\"" + copyHash + "\"");
    assertThat(thumb.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(thumb.header("Content-Length")).isEqualTo(Integer.toString(thumb.bytes().length));

    ApiClient.Reply again = anonymous().get("assets/thumb/" + wideHash + ".jpg");
    assertThat(again.bytes()).isEqualTo(thumb.bytes());
    ApiClient.Reply current =
        anonymous()
            .send(
                anonymous()
                    .request("assets/thumb/" + wideHash + ".jpg")
                    .header("If-None-Match", "\"" + copyHash + "\""));
    assertThat(current.status()).isEqualTo(304);
    ApiClient.Reply head =
        anonymous()
            .send(
                anonymous()
                    .request("assets/medium/" + wideHash + ".jpg")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.bytes()).isEmpty();
    assertThat(head.header("ETag")).isNotEqualTo("\"" + copyHash + "\"");
  }

  @Test
  void presetsNeverUpscale() {
    ApiClient.Reply large = anonymous().get("assets/large/" + hash + ".jpg");

    assertThat(large.status()).as("%s", large).isEqualTo(200);
    assertThat(large.bytes()).isEqualTo(rendition); // 160 px wide: already narrower than 1280
    assertThat(large.header("ETag")).isEqualTo("\"" + hash + "\"");
  }

  @Test
  void onlyConfiguredPresetsExist() {
    for (String path :
        new String[] {
          "assets/huge/" + hash + ".jpg", // not configured
          "assets/THUMB/" + hash + ".jpg",
          "assets/320/" + hash + ".jpg", // no sizes from the URL
          "assets/thumb/" + hash + ".png", // extension does not match the stored bytes
          "assets/thumb/thumb/" + hash + ".jpg",
          "assets/thumb/" + "0".repeat(64) + ".jpg",
          "assets/thumb/"
        }) {
      assertProblem(anonymous().get(path), 404);
    }
  }

  @Test
  void sourceImagesAreNeverServedPublicly() {
    ApiClient editor = ApiClient.anonymous(base).as("editor");
    ApiClient.Reply entry =
        editor.postJson("api/v1/entries", CatalogIT.entry(RUN + "-private", "Unreleased"));
    assertThat(entry.status()).isEqualTo(201);
    byte[] still = ItImages.png(48, 48, System.nanoTime());
    ApiClient.Reply uploaded =
        editor.postBytes(
            "api/v1/entries/" + entry.json().path("id").asText() + "/images", "image/png", still);
    assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
    String stillHash = uploaded.json().path("contentHash").asText();
    assertThat(AssetDirectory.files()).contains(stillHash);

    assertProblem(anonymous().get("assets/" + stillHash + ".png"), 404);
    assertProblem(anonymous().get("assets/thumb/" + stillHash + ".png"), 404);
    assertProblem(editor.get("assets/" + stillHash + ".png"), 404);
    // The authenticated API is the way to the original.
    ApiClient.Reply content =
        editor.get("api/v1/images/" + uploaded.json().path("id").asText() + "/content");
    assertThat(content.status()).isEqualTo(200);
    assertThat(content.bytes()).isEqualTo(still);
  }
}
