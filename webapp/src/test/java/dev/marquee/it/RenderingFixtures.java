package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Shared set-up for the template, preview and render-job integration tests. */
final class RenderingFixtures {
  /** Where the build's IT environment points the server's asset store. */
  private RenderingFixtures() {}

  static Path testImage(String name) {
    return Path.of(System.getProperty("marquee.testdata", "../../shared/testdata/images"))
        .resolve(name);
  }

  /** Creates a movie with a German localised title and returns its id. */
  static String createEntry(ApiClient editor, String externalId, String title) {
    Map<String, Object> e = new HashMap<>();
    e.put("externalId", externalId);
    e.put("kind", "MOVIE");
    e.put("title", title);
    e.put("localizedTitles", Map.of("de", title + " (de)"));
    ApiClient.Reply reply = editor.postJson("api/v1/entries", e);
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.json().path("id").asText();
  }

  /** Uploads a test image as a source image of the entry and returns its id. */
  static String seedImage(ApiClient editor, String entryId, String file) {
    try {
      byte[] bytes = Files.readAllBytes(testImage(file));
      String type = file.endsWith(".png") ? "image/png" : "image/jpeg";
      ApiClient.Reply reply =
          editor.postBytes("api/v1/entries/" + entryId + "/images", type, bytes);
      assertThat(reply.status()).as("%s", reply).isEqualTo(201);
      return reply.json().path("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An entry with two rendered variants: two source images through one 160×90 template. */
  record TwoVariants(String entry, String first, String second) {}

  /** Creates {@code TwoVariants} named {@code name} (entry external id and template name). */
  static TwoVariants entryWithTwoVariants(ApiClient editor, String name) {
    String entry = createEntry(editor, name, "Artwork " + name);
    seedImage(editor, entry, "chelsea.png");
    seedImage(editor, entry, "rocket.jpg");
    createTemplate(editor, name, heroDefinition(List.of(size(160, 90))));
    ApiClient.Reply job =
        editor.postJson(
            "api/v1/entries/" + entry + "/render-jobs", Map.of("templates", List.of(name)));
    assertThat(job.status()).as("%s", job).isEqualTo(202);
    assertThat(awaitJob(editor, job.header("Location")).path("state").asText())
        .isEqualTo("SUCCEEDED");
    JsonNode variants = editor.get("api/v1/entries/" + entry + "/variants").json().path("items");
    assertThat(variants).hasSize(2);
    return new TwoVariants(
        entry, variants.get(0).path("id").asText(), variants.get(1).path("id").asText());
  }

  static Map<String, Object> size(int width, int height) {
    return Map.of("width", width, "height", height);
  }

  /** A 16:9 REGION template with a scrim and the title, as JPEG. */
  static Map<String, Object> heroDefinition(List<Map<String, Object>> sizes) {
    Map<String, Object> d = new HashMap<>();
    d.put(
        "crop",
        Map.of("strategy", "REGION", "padding", 0.25, "zoom", 0.6, "placement", "RULE_OF_THIRDS"));
    d.put("aspectRatio", "16:9");
    d.put("sizes", sizes);
    d.put("format", Map.of("type", "JPEG", "quality", 85));
    d.put("background", "#101010");
    d.put("safeArea", Map.of("x", 0.05, "y", 0.05, "width", 0.9, "height", 0.9));
    List<Map<String, Object>> overlays = new ArrayList<>();
    overlays.add(Map.of("type", "SCRIM", "edge", "BOTTOM", "extent", 0.45, "color", "#000000C0"));
    overlays.add(
        Map.of(
            "type",
            "TEXT",
            "text",
            "title",
            "anchor",
            "BOTTOM_LEFT",
            "font",
            "DejaVu Sans Bold",
            "size",
            0.08,
            "color",
            "#FFFFFF",
            "shadow",
            "#000000B0",
            "maxLines",
            2));
    overlays.add(
        Map.of(
            "type",
            "BADGE",
            "label",
            "NEW EPISODES",
            "anchor",
            "TOP_RIGHT",
            "font",
            "DejaVu Sans Bold",
            "size",
            0.05,
            "color",
            "#FFFFFF",
            "fill",
            "#E50914"));
    d.put("overlays", overlays);
    return d;
  }

  /** A 2:3 SMART poster as PNG. */
  static Map<String, Object> posterDefinition() {
    Map<String, Object> d = new HashMap<>();
    d.put("crop", Map.of("strategy", "SMART"));
    d.put("aspectRatio", "2:3");
    d.put("sizes", List.of(size(200, 300)));
    d.put("format", Map.of("type", "PNG"));
    return d;
  }

  static Map<String, Object> template(String name, Map<String, Object> definition) {
    Map<String, Object> t = new HashMap<>();
    t.put("name", name);
    t.put("description", "IT template");
    t.put("definition", definition);
    return t;
  }

  static JsonNode createTemplate(ApiClient editor, String name, Map<String, Object> definition) {
    ApiClient.Reply reply = editor.postJson("api/v1/templates", template(name, definition));
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.json();
  }

  /** How many files the asset store holds (temporary files included, so leaks show). */
  static long assetFiles() {
    if (!Files.exists(AssetDirectory.root())) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(AssetDirectory.root())) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stored file of an asset key (FilesystemAssetStore's layout). */
  static Path assetPath(String hash) {
    return AssetDirectory.root()
        .resolve(hash.substring(0, 2))
        .resolve(hash.substring(2, 4))
        .resolve(hash);
  }

  /** Polls the job until it finished, at most a minute. */
  static JsonNode awaitJob(ApiClient client, String location) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (true) {
      ApiClient.Reply reply = client.get(location);
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      JsonNode job = reply.json();
      String state = job.path("state").asText();
      if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
        return job;
      }
      assertThat(Instant.now()).as("job %s still %s", location, state).isBefore(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
