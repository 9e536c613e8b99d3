package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertFieldError;
import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Source image upload (raw and multipart), metadata, content, duplicates, deletion, and every
 * rejection: each leaves neither an image, nor a blob, nor a temporary file behind.
 */
@ExtendWith(ArquillianExtension.class)
class SourceImagesIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final long DEFAULT_MAX_BYTES = 52_428_800L;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  private ApiClient editor() {
    return ApiClient.anonymous(base).as("editor");
  }

  private String newEntry(String name) {
    ApiClient.Reply created =
        editor().postJson("api/v1/entries", CatalogIT.entry(RUN + "-" + name, "Image " + name));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private ApiClient.Reply upload(String entryId, String contentType, byte[] bytes) {
    return editor().postBytes("api/v1/entries/" + entryId + "/images", contentType, bytes);
  }

  private JsonNode uploaded(String entryId, String contentType, byte[] bytes) {
    ApiClient.Reply reply = upload(entryId, contentType, bytes);
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.json();
  }

  @Test
  void rawUploadStoresTheImageContentAddressedWithItsMetadata() {
    String entry = newEntry("raw");
    byte[] png = ItImages.png(64, 48, 1);
    ApiClient.Reply reply = upload(entry, "image/png", png);
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    JsonNode image = reply.json();
    String id = image.path("id").asText();
    assertThat(reply.header("Location")).endsWith("/api/v1/images/" + id);
    assertThat(reply.header("ETag")).isEqualTo("\"0\"");
    assertThat(image.path("entryId").asText()).isEqualTo(entry);
    assertThat(image.path("contentHash").asText()).isEqualTo(sha256(png));
    assertThat(image.path("format").asText()).isEqualTo("PNG");
    assertThat(image.path("mediaType").asText()).isEqualTo("image/png");
    assertThat(image.path("width").asInt()).isEqualTo(64);
    assertThat(image.path("height").asInt()).isEqualTo(48);
    assertThat(image.path("byteSize").asLong()).isEqualTo(png.length);
    assertThat(image.path("uploadedBy").asText()).isEqualTo("editor");
    assertThat(image.has("originalName")).isFalse();
    assertThat(AssetDirectory.files()).contains(sha256(png));

    ApiClient.Reply read = ApiClient.anonymous(base).as("publisher").get("api/v1/images/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"0\"");
    assertThat(read.json().path("contentHash").asText()).isEqualTo(sha256(png));

    ApiClient.Reply content = editor().get("api/v1/images/" + id + "/content");
    assertThat(content.status()).isEqualTo(200);
    assertThat(content.contentType()).isEqualTo("image/png");
    assertThat(content.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(content.header("Cache-Control")).isEqualTo("no-store");
    assertThat(content.bytes()).isEqualTo(png);

    ApiClient.Reply list = editor().get("api/v1/entries/" + entry + "/images");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("items").findValuesAsText("id")).containsExactly(id);

    ApiClient.Reply audit =
        editor().get("api/v1/audit-events?targetType=SOURCE_IMAGE&targetId=" + id);
    assertThat(audit.json().path("items").findValuesAsText("action"))
        .containsExactly("SOURCE_IMAGE_UPLOADED");
  }

  @Test
  void multipartUploadSniffsTheContentAndKeepsTheNameForDisplayOnly() {
    String entry = newEntry("multipart");
    byte[] png = ItImages.png(40, 30, 2);
    // The name and the part's declared type both lie; the content decides.
    ItImages.Multipart form = ItImages.multipart("file", "../../etc/still.gif", "image/gif", png);
    ApiClient.Reply reply = upload(entry, form.contentType(), form.body());
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.json().path("format").asText()).isEqualTo("PNG");
    assertThat(reply.json().path("originalName").asText()).isEqualTo("still.gif");
    assertThat(reply.json().path("contentHash").asText()).isEqualTo(sha256(png));

    ItImages.Multipart noFile = ItImages.multipart("picture", "x.png", "image/png", png);
    assertFieldError(upload(entry, noFile.contentType(), noFile.body()), "file");
  }

  @Test
  void jpegWebpAndAwkwardPixelFormatsAreAccepted() {
    String entry = newEntry("formats");
    assertThat(uploaded(entry, "image/jpeg", ItImages.jpeg(80, 60, 3)).path("format").asText())
        .isEqualTo("JPEG");
    JsonNode webp = uploaded(entry, "image/webp", ItImages.webp(50, 40, 4));
    assertThat(webp.path("format").asText()).isEqualTo("WEBP");
    assertThat(webp.path("width").asInt()).isEqualTo(50);
    for (byte[] png :
        List.of(
            ItImages.grayPng(30, 20, 5),
            ItImages.alphaPng(30, 20, 6),
            ItImages.sixteenBitPng(30, 20, 7),
            ItImages.palettePng(30, 20, 8))) {
      JsonNode image = uploaded(entry, "application/octet-stream", png);
      assertThat(image.path("width").asInt()).isEqualTo(30);
      assertThat(image.path("height").asInt()).isEqualTo(20);
    }
    JsonNode cmyk = uploaded(entry, "image/jpeg", ItImages.cmykJpeg(64, 32));
    assertThat(cmyk.path("format").asText()).isEqualTo("JPEG");
    assertThat(cmyk.path("width").asInt()).isEqualTo(64);
    assertThat(editor().get("api/v1/entries/" + entry + "/images").json().path("items")).hasSize(7);
  }

  @Test
  void exifOrientationDecidesTheDisplayedSizeAndCorruptExifIsIgnored() {
    String entry = newEntry("exif");
    JsonNode rotated = uploaded(entry, "image/jpeg", ItImages.jpegWithOrientation(120, 60, 6, 9));
    assertThat(rotated.path("width").asInt()).isEqualTo(60);
    assertThat(rotated.path("height").asInt()).isEqualTo(120);
    JsonNode corrupt = uploaded(entry, "image/jpeg", ItImages.jpegWithCorruptExif(90, 45, 10));
    assertThat(corrupt.path("width").asInt()).isEqualTo(90);
    assertThat(corrupt.path("height").asInt()).isEqualTo(45);
  }

  @Test
  void hugeMetadataIsStoredButNeverDecodedIntoMemory() {
    String entry = newEntry("metadata");
    JsonNode image =
        uploaded(entry, "image/png", ItImages.pngWithHugeMetadata(8 * 1024 * 1024, 11));
    assertThat(image.path("width").asInt()).isEqualTo(40);
    assertThat(image.path("byteSize").asLong()).isGreaterThan(8L * 1024 * 1024);
  }

  @Test
  void duplicateContentForTheSameEntryAnswersTheExistingImage() {
    String entry = newEntry("duplicate");
    byte[] jpeg = ItImages.jpeg(70, 50, 12);
    JsonNode first = uploaded(entry, "image/jpeg", jpeg);
    ItImages.Multipart again = ItImages.multipart("file", "copy.jpg", "image/jpeg", jpeg);
    ApiClient.Reply second = upload(entry, again.contentType(), again.body());
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.header("Location")).isNull();
    assertThat(second.json().path("id").asText()).isEqualTo(first.path("id").asText());
    assertThat(editor().get("api/v1/entries/" + entry + "/images").json().path("items")).hasSize(1);

    // Another entry may use the same content: its own image, one blob.
    String other = newEntry("duplicate-other");
    JsonNode shared = uploaded(other, "image/jpeg", jpeg);
    assertThat(shared.path("id").asText()).isNotEqualTo(first.path("id").asText());
    assertThat(shared.path("contentHash").asText()).isEqualTo(first.path("contentHash").asText());
  }

  @Test
  void deletingRemovesTheBlobOnlyWhenNoOtherImageUsesIt() {
    byte[] png = ItImages.png(33, 33, 13);
    String hash = sha256(png);
    String a = newEntry("delete-a");
    String b = newEntry("delete-b");
    String first = uploaded(a, "image/png", png).path("id").asText();
    String second = uploaded(b, "image/png", png).path("id").asText();

    assertProblem(
        ApiClient.anonymous(base).as("experimenter").delete("api/v1/images/" + first), 403);
    assertProblem(
        editor()
            .send(editor().request("api/v1/images/" + first).header("If-Match", "\"7\"").DELETE()),
        412);
    ApiClient.Reply deleted =
        editor()
            .send(editor().request("api/v1/images/" + first).header("If-Match", "\"0\"").DELETE());
    assertThat(deleted.status()).isEqualTo(204);
    assertProblem(editor().get("api/v1/images/" + first), 404);
    assertThat(AssetDirectory.files()).as("still used by entry b").contains(hash);

    assertThat(editor().delete("api/v1/images/" + second).status()).isEqualTo(204);
    assertThat(AssetDirectory.files()).doesNotContain(hash);
    assertProblem(editor().delete("api/v1/images/" + second), 404);
    assertThat(
            editor()
                .get("api/v1/audit-events?targetType=SOURCE_IMAGE&targetId=" + second)
                .json()
                .path("items")
                .findValuesAsText("action"))
        .containsExactly("SOURCE_IMAGE_DELETED", "SOURCE_IMAGE_UPLOADED");
  }

  @Test
  void everyRejectionNamesItsReasonAndStoresNothing() {
    String entry = newEntry("rejections");
    rejected(entry, "image/png", new byte[0], 400, "image-empty");
    rejected(entry, "image/jpeg", ItImages.truncatedJpeg(14), 400, "image-truncated");
    rejected(
        entry,
        "image/png",
        ItImages.pngDeclaring(100_000, 100_000),
        400,
        "image-dimensions-too-large");
    rejected(
        entry, "image/png", ItImages.pngDeclaring(11_000, 11_000), 400, "image-too-many-pixels");
    rejected(entry, "image/png", ItImages.pngWithBadChecksum(15), 400, "image-corrupt-header");
    rejected(entry, "image/png", ItImages.pngWithGarbagePixels(), 400, "image-decode-failed");
    rejected(entry, "image/gif", ItImages.animatedGif(), 415, "image-unsupported-format");
    rejected(entry, "image/svg+xml", ItImages.svg(), 415, "image-unsupported-format");
    rejected(
        entry,
        "application/octet-stream",
        ItImages.htmlPolyglot(16),
        415,
        "image-unsupported-format");
    ItImages.Multipart gifAsPng =
        ItImages.multipart("file", "innocent.png", "image/png", ItImages.animatedGif());
    rejected(entry, gifAsPng.contentType(), gifAsPng.body(), 415, "image-unsupported-format");
    ItImages.Multipart emptyFile =
        ItImages.multipart("file", "empty.jpg", "image/jpeg", new byte[0]);
    rejected(entry, emptyFile.contentType(), emptyFile.body(), 400, "image-empty");
  }

  @Test
  void aFileOverTheByteLimitIsCutOffWith413() {
    String entry = newEntry("too-large");
    byte[] tooLarge = new byte[(int) DEFAULT_MAX_BYTES + 1];
    byte[] png = ItImages.png(20, 20, 17);
    System.arraycopy(png, 0, tooLarge, 0, png.length);
    rejected(entry, "image/png", tooLarge, 413, "image-too-many-bytes");
  }

  @Test
  void otherBodyTypesUnknownEntriesAndRolesAreRefused() {
    String entry = newEntry("refusals");
    byte[] png = ItImages.png(20, 20, 18);
    assertProblem(upload(entry, "text/plain", png), 415);
    assertProblem(upload(UUID.randomUUID().toString(), "image/png", png), 404);
    assertProblem(
        ApiClient.anonymous(base)
            .as("experimenter")
            .postBytes("api/v1/entries/" + entry + "/images", "image/png", png),
        403);
    assertProblem(
        ApiClient.anonymous(base)
            .postBytes("api/v1/entries/" + entry + "/images", "image/png", png),
        401);
    assertProblem(editor().get("api/v1/images/" + UUID.randomUUID()), 404);
    assertProblem(editor().get("api/v1/images/" + UUID.randomUUID() + "/content"), 404);
    assertFieldError(editor().get("api/v1/images/not-a-uuid"), "imageId");
    assertProblem(editor().get("api/v1/entries/" + UUID.randomUUID() + "/images"), 404);
    assertThat(editor().get("api/v1/entries/" + entry + "/images").json().path("items")).isEmpty();
  }

  private void rejected(String entry, String contentType, byte[] bytes, int status, String slug) {
    Set<String> blobsBefore = AssetDirectory.files();
    long spooledBefore = spoolFiles();
    int imagesBefore =
        editor().get("api/v1/entries/" + entry + "/images").json().path("items").size();

    JsonNode problem = assertProblem(upload(entry, contentType, bytes), status);
    assertThat(problem.path("type").asText()).isEqualTo("https://marquee.dev/problems/" + slug);
    String code = "image." + slug.substring("image-".length()).replace('-', '_');
    assertThat(problem.path("detail").asText()).endsWith("(" + code + ")");

    assertThat(editor().get("api/v1/entries/" + entry + "/images").json().path("items"))
        .as("no image recorded for %s", slug)
        .hasSize(imagesBefore);
    assertThat(AssetDirectory.files()).as("no blob stored for %s", slug).isEqualTo(blobsBefore);
    assertThat(spoolFiles())
        .as("temporary upload file deleted for %s", slug)
        .isEqualTo(spooledBefore);
  }

  /** Upload spool files the server left in the temporary directory it shares with this JVM. */
  private static long spoolFiles() {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(p -> p.getFileName().toString().startsWith("marquee-upload-")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
