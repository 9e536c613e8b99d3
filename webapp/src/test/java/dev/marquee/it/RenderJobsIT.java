package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertFieldError;
import static dev.marquee.it.ProblemAssert.assertProblem;
import static dev.marquee.it.RenderingFixtures.assetFiles;
import static dev.marquee.it.RenderingFixtures.assetPath;
import static dev.marquee.it.RenderingFixtures.awaitJob;
import static dev.marquee.it.RenderingFixtures.createEntry;
import static dev.marquee.it.RenderingFixtures.createTemplate;
import static dev.marquee.it.RenderingFixtures.heroDefinition;
import static dev.marquee.it.RenderingFixtures.posterDefinition;
import static dev.marquee.it.RenderingFixtures.seedImage;
import static dev.marquee.it.RenderingFixtures.size;
import static dev.marquee.it.RenderingFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Previews, background render jobs and the variants they store. */
@ExtendWith(ArquillianExtension.class)
class RenderJobsIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  private ApiClient editor() {
    return ApiClient.anonymous(base).as("editor");
  }

  private Map<String, Object> jobFor(String... templates) {
    return Map.of("templates", List.of(templates));
  }

  @Test
  void rendersEveryImageTemplateCombinationOnceAndKeepsOldVersions() throws Exception {
    String entry = createEntry(editor(), RUN + "-job", "Chelsea and the Rocket");
    seedImage(editor(), entry, "chelsea.png");
    seedImage(editor(), entry, "rocket.jpg");
    String hero = "job-hero-" + RUN;
    String poster = "job-poster-" + RUN;
    createTemplate(editor(), hero, heroDefinition(List.of(size(320, 180), size(160, 90))));
    createTemplate(editor(), poster, posterDefinition());

    ApiClient.Reply submitted =
        editor().postJson("api/v1/entries/" + entry + "/render-jobs", jobFor(hero, poster));
    assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
    assertThat(submitted.json().path("total").asInt()).isEqualTo(4);
    String location = submitted.header("Location");
    assertThat(location).contains("/api/v1/render-jobs/" + submitted.json().path("id").asText());

    JsonNode job = awaitJob(ApiClient.anonymous(base).as("publisher"), location);
    assertThat(job.path("state").asText()).as("%s", job).isEqualTo("SUCCEEDED");
    assertThat(job.path("done").asInt()).isEqualTo(4);
    assertThat(job.path("rendered").asInt()).isEqualTo(4);
    assertThat(job.path("skipped").asInt()).isZero();
    assertThat(job.path("failures")).isEmpty();
    assertThat(job.path("finishedAt").asText()).isNotBlank();

    JsonNode variants = editor().get("api/v1/entries/" + entry + "/variants").json();
    assertThat(variants.path("items")).hasSize(4);
    for (JsonNode variant : variants.path("items")) {
      assertThat(variant.path("texts").path("title").asText()).isEqualTo("Chelsea and the Rocket");
      assertThat(variant.path("identityKey").asText()).hasSize(64);
      boolean isHero = variant.path("template").asText().equals(hero);
      assertThat(variant.path("renditions")).hasSize(isHero ? 2 : 1);
      for (JsonNode rendition : variant.path("renditions")) {
        assertRenditionStored(rendition, isHero ? "jpg" : "png");
      }
    }
    JsonNode one = variants.path("items").get(0);
    JsonNode read = editor().get("api/v1/variants/" + one.path("id").asText()).json();
    assertThat(read).isEqualTo(one);
    assertThat(read.path("jobId").asText()).isEqualTo(job.path("id").asText());

    ApiClient.Reply again =
        editor().postJson("api/v1/entries/" + entry + "/render-jobs", jobFor(hero, poster));
    JsonNode repeated = awaitJob(editor(), again.header("Location"));
    assertThat(repeated.path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(repeated.path("rendered").asInt()).as("nothing rendered twice").isZero();
    assertThat(repeated.path("skipped").asInt()).isEqualTo(4);

    Map<String, Object> v2 = template(hero, heroDefinition(List.of(size(480, 270))));
    assertThat(editor().putJson("api/v1/templates/" + hero, v2, "\"1\"").status()).isEqualTo(200);
    JsonNode afterEdit =
        awaitJob(
            editor(),
            editor()
                .postJson("api/v1/entries/" + entry + "/render-jobs", jobFor(hero, poster))
                .header("Location"));
    assertThat(afterEdit.path("rendered").asInt()).as("new version, new variants").isEqualTo(2);
    assertThat(afterEdit.path("skipped").asInt()).isEqualTo(2);

    JsonNode heroVariants =
        editor().get("api/v1/entries/" + entry + "/variants?template=" + hero).json();
    assertThat(heroVariants.path("items").findValuesAsText("templateVersion"))
        .containsExactlyInAnyOrder("1", "1", "2", "2");
    JsonNode page = editor().get("api/v1/entries/" + entry + "/variants?limit=4").json();
    assertThat(page.path("items")).hasSize(4);
    JsonNode rest =
        editor()
            .get(
                "api/v1/entries/"
                    + entry
                    + "/variants?limit=4&cursor="
                    + page.path("nextCursor").asText())
            .json();
    assertThat(rest.path("items")).hasSize(2);
    assertThat(
            editor()
                .get("api/v1/entries/" + entry + "/variants?tagId=" + UUID.randomUUID())
                .json()
                .path("items"))
        .isEmpty();
  }

  @Test
  void regionsMarkedByEditorsFrameTheirTagsVariants() {
    String entry = createEntry(editor(), RUN + "-region", "Astronaut");
    String image = seedImage(editor(), entry, "astronaut.png");
    ApiClient.Reply tagged =
        editor()
            .postJson(
                "api/v1/entries/" + entry + "/tags",
                Map.of("kind", "CAST", "value", "Eileen Collins", "source", "MANUAL"));
    assertThat(tagged.status()).as("%s", tagged).isIn(200, 201);
    String tagId = tagged.json().path("tagId").asText();
    ApiClient.Reply region =
        editor()
            .putJson(
                "api/v1/images/" + image + "/regions/" + tagId,
                Map.of("rect", Map.of("x", 0.35, "y", 0.13, "width", 0.19, "height", 0.2)),
                null);
    assertThat(region.status()).as("%s", region).isIn(200, 201);
    String hero = "job-region-" + RUN;
    createTemplate(editor(), hero, heroDefinition(List.of(size(320, 180))));

    ApiClient.Reply submitted =
        editor().postJson("api/v1/entries/" + entry + "/render-jobs", jobFor(hero));
    assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
    assertThat(submitted.json().path("total").asInt())
        .as("one untagged (smart crop) and one framed on the region")
        .isEqualTo(2);
    JsonNode job = awaitJob(editor(), submitted.header("Location"));
    assertThat(job.path("state").asText()).as("%s", job).isEqualTo("SUCCEEDED");

    JsonNode framed =
        editor().get("api/v1/entries/" + entry + "/variants?tagId=" + tagId).json().path("items");
    assertThat(framed).hasSize(1);
    assertThat(framed.get(0).path("renditions").get(0).path("width").asInt()).isEqualTo(320);
  }

  private static void assertRenditionStored(JsonNode rendition, String extension)
      throws IOException, NoSuchAlgorithmException {
    String hash = rendition.path("contentHash").asText();
    assertThat(rendition.path("url").asText()).isEqualTo("/assets/" + hash + "." + extension);
    byte[] bytes = Files.readAllBytes(assetPath(hash));
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
        .isEqualTo(hash);
    assertThat((long) bytes.length).isEqualTo(rendition.path("byteSize").asLong());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(image.getWidth()).isEqualTo(rendition.path("width").asInt());
    assertThat(image.getHeight()).isEqualTo(rendition.path("height").asInt());
    assertThat(rendition.path("label").asText())
        .isEqualTo(image.getWidth() + "x" + image.getHeight());
  }

  @Test
  void previewRendersOneSizeAndStoresNothing() throws IOException {
    String entry = createEntry(editor(), RUN + "-preview", "Coffee Break");
    String image = seedImage(editor(), entry, "coffee.png");
    String hero = "preview-hero-" + RUN;
    createTemplate(editor(), hero, heroDefinition(List.of(size(640, 360), size(342, 192))));

    long before = assetFiles();
    Map<String, Object> request = new HashMap<>();
    request.put("template", hero);
    request.put("size", "640x360");
    request.put("region", Map.of("x", 0.3, "y", 0.2, "width", 0.3, "height", 0.4));
    ApiClient.Reply preview =
        editor()
            .send(
                editor()
                    .request("api/v1/images/" + image + "/preview")
                    .header("Content-Type", "application/json")
                    .header("Accept-Language", "de-CH, en;q=0.5")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            new com.fasterxml.jackson.databind.ObjectMapper()
                                .writeValueAsString(request))));
    assertThat(preview.status()).as("%s", preview).isEqualTo(200);
    assertThat(preview.contentType()).isEqualTo("image/jpeg");
    assertThat(preview.header("Cache-Control")).contains("no-store");
    BufferedImage rendered = ImageIO.read(new ByteArrayInputStream(previewBytes(preview)));
    assertThat(rendered.getWidth()).isEqualTo(640);
    assertThat(rendered.getHeight()).isEqualTo(360);

    Map<String, Object> byIndex = new HashMap<>(Map.of("template", hero, "size", "1"));
    byIndex.put("locale", "de");
    byIndex.put("texts", Map.of("title", "Kaffeepause"));
    ApiClient.Reply small = editor().postJson("api/v1/images/" + image + "/preview", byIndex);
    assertThat(small.status()).as("%s", small).isEqualTo(200);
    BufferedImage smallImage = ImageIO.read(new ByteArrayInputStream(previewBytes(small)));
    assertThat(smallImage.getWidth()).isEqualTo(342);
    assertThat(smallImage.getHeight()).isEqualTo(192);
    assertThat(assetFiles()).as("previews store nothing").isEqualTo(before);
    ApiClient.Reply noVariants = editor().get("api/v1/entries/" + entry + "/variants");
    assertThat(noVariants.status()).as("%s", noVariants).isEqualTo(200);
    assertThat(noVariants.json().path("items")).isEmpty();

    String path = "api/v1/images/" + image + "/preview";
    assertFieldError(
        editor().postJson(path, Map.of("template", "none-" + RUN, "size", "0")), "template");
    assertFieldError(editor().postJson(path, Map.of("template", hero, "size", "1280x720")), "size");
    assertFieldError(editor().postJson(path, Map.of("template", hero, "size", "7")), "size");
    assertFieldError(
        editor()
            .postJson(
                path,
                Map.of(
                    "template",
                    hero,
                    "size",
                    "0",
                    "region",
                    Map.of("x", 0.8, "y", 0.2, "width", 0.5, "height", 0.4))),
        "region");
    assertFieldError(
        editor().postJson(path, Map.of("template", hero, "size", "0", "version", 5)), "version");
    assertProblem(
        editor()
            .postJson(
                "api/v1/images/" + UUID.randomUUID() + "/preview",
                Map.of("template", hero, "size", "0")),
        404);
    assertProblem(
        ApiClient.anonymous(base)
            .as("experimenter")
            .postJson(path, Map.of("template", hero, "size", "0")),
        403);
    assertThat(editor().delete("api/v1/templates/" + hero).status()).isEqualTo(204);
    assertFieldError(editor().postJson(path, Map.of("template", hero, "size", "0")), "template");

    // Without templates a job uses every ACTIVE template (the archived one no longer).
    int active = editor().get("api/v1/templates?limit=200").json().path("items").size();
    ApiClient.Reply all = editor().postJson("api/v1/entries/" + entry + "/render-jobs", "{}");
    assertThat(all.status()).as("%s", all).isEqualTo(202);
    assertThat(all.json().path("total").asInt()).isEqualTo(active);
    JsonNode finished = awaitJob(editor(), all.header("Location"));
    assertThat(finished.path("done").asInt()).isEqualTo(active);
  }

  private static byte[] previewBytes(ApiClient.Reply reply) {
    return reply.bytes();
  }

  @Test
  void rejectsUnknownEntriesTemplatesTagsAndJobs() {
    String entry = createEntry(editor(), RUN + "-reject", "Nothing to Render");
    assertProblem(
        editor()
            .postJson("api/v1/entries/" + UUID.randomUUID() + "/render-jobs", jobFor("whatever")),
        404);
    assertFieldError(
        editor().postJson("api/v1/entries/" + entry + "/render-jobs", jobFor("none-" + RUN)),
        "templates[0]");
    assertFieldError(
        editor()
            .postJson(
                "api/v1/entries/" + entry + "/render-jobs",
                Map.of("tagIds", List.of(UUID.randomUUID().toString()))),
        "tagIds[0]");
    assertProblem(editor().get("api/v1/render-jobs/" + UUID.randomUUID()), 404);
    assertProblem(editor().get("api/v1/variants/" + UUID.randomUUID()), 404);
    assertProblem(editor().get("api/v1/entries/" + UUID.randomUUID() + "/variants"), 404);
    assertProblem(
        ApiClient.anonymous(base)
            .as("publisher")
            .postJson("api/v1/entries/" + entry + "/render-jobs", Map.of()),
        403);

    ApiClient.Reply empty =
        editor()
            .postJson("api/v1/entries/" + entry + "/render-jobs", Map.of("templates", List.of()));
    assertThat(empty.status()).as("%s", empty).isEqualTo(202);
    JsonNode done = awaitJob(editor(), empty.header("Location"));
    assertThat(done.path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(done.path("total").asInt()).isZero();
  }

  /**
   * The IT server runs one render worker with two waiting slots (failsafe environment), so a burst
   * of jobs that really render overflows the queue.
   */
  @Test
  void aFullQueueAnswers503WithRetryAfterAndAcceptedJobsStillFinish() throws Exception {
    String entry = createEntry(editor(), RUN + "-burst", "Burst");
    seedImage(editor(), entry, "astronaut.png");
    seedImage(editor(), entry, "chelsea.png");
    String big = "burst-" + RUN;
    createTemplate(
        editor(), big, heroDefinition(List.of(size(1920, 1080), size(1280, 720), size(640, 360))));

    ExecutorService clients = Executors.newFixedThreadPool(12);
    List<CompletableFuture<ApiClient.Reply>> replies = new ArrayList<>();
    try {
      for (int i = 0; i < 12; i++) {
        replies.add(
            CompletableFuture.supplyAsync(
                () -> editor().postJson("api/v1/entries/" + entry + "/render-jobs", jobFor(big)),
                clients));
      }
      List<ApiClient.Reply> all = replies.stream().map(CompletableFuture::join).toList();
      List<ApiClient.Reply> refused = all.stream().filter(r -> r.status() == 503).toList();
      List<ApiClient.Reply> accepted = all.stream().filter(r -> r.status() == 202).toList();
      assertThat(refused.size() + accepted.size()).as("%s", all).isEqualTo(12);
      assertThat(refused).as("refused").isNotEmpty();
      assertThat(accepted).as("accepted").isNotEmpty();
      JsonNode problem = assertProblem(refused.get(0), 503);
      assertThat(problem.path("type").asText()).endsWith("/render-queue-full");
      assertThat(refused.get(0).header("Retry-After")).matches("[1-9][0-9]*");

      int rendered = 0;
      for (ApiClient.Reply reply : accepted) {
        JsonNode job = awaitJob(editor(), reply.header("Location"));
        assertThat(job.path("state").asText()).as("%s", job).isEqualTo("SUCCEEDED");
        assertThat(job.path("skipped").asInt() + job.path("rendered").asInt()).isEqualTo(2);
        rendered += job.path("rendered").asInt();
      }
      assertThat(rendered).as("each variant rendered by exactly one job").isEqualTo(2);
      assertThat(editor().get("api/v1/entries/" + entry + "/variants").json().path("items"))
          .hasSize(2);
    } finally {
      clients.shutdownNow();
    }
  }
}
