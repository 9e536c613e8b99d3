package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertFieldError;
import static dev.marquee.it.ProblemAssert.assertProblem;
import static dev.marquee.it.RenderingFixtures.createTemplate;
import static dev.marquee.it.RenderingFixtures.heroDefinition;
import static dev.marquee.it.RenderingFixtures.posterDefinition;
import static dev.marquee.it.RenderingFixtures.size;
import static dev.marquee.it.RenderingFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Templates: versions, archiving, logo assets and every validation rejection. */
@ExtendWith(ArquillianExtension.class)
class TemplatesIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  private ApiClient editor() {
    return ApiClient.anonymous(base).as("editor");
  }

  @Test
  void createReadVersionAndArchive() {
    String name = "hero-" + RUN;
    ApiClient.Reply created =
        editor()
            .postJson(
                "api/v1/templates",
                template(name, heroDefinition(List.of(size(1280, 720), size(640, 360)))));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.header("Location")).endsWith("/api/v1/templates/" + name);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    JsonNode v1 = created.json();
    assertThat(v1.path("version").asInt()).isEqualTo(1);
    assertThat(v1.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(v1.path("definitionHash").asText()).hasSize(64);
    assertThat(v1.path("definition").path("sizes")).hasSize(2);
    assertThat(v1.path("definition").path("overlays").get(1).path("font").asText())
        .isEqualTo("DejaVu Sans Bold");

    ApiClient reader = ApiClient.anonymous(base).as("experimenter");
    ApiClient.Reply read = reader.get("api/v1/templates/" + name);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"1\"");
    assertThat(read.json().path("definition")).isEqualTo(v1.path("definition"));
    assertProblem(
        reader.postJson("api/v1/templates", template("x-" + RUN, posterDefinition())), 403);

    Map<String, Object> changed =
        template(name, heroDefinition(List.of(size(1280, 720), size(342, 192))));
    assertProblem(editor().putJson("api/v1/templates/" + name, changed, null), 428);
    ApiClient.Reply stale = editor().putJson("api/v1/templates/" + name, changed, "\"7\"");
    assertProblem(stale, 412);
    assertThat(stale.header("ETag")).isEqualTo("\"1\"");

    ApiClient.Reply v2 = editor().putJson("api/v1/templates/" + name, changed, "\"1\"");
    assertThat(v2.status()).as("%s", v2).isEqualTo(200);
    assertThat(v2.header("ETag")).isEqualTo("\"2\"");
    assertThat(v2.json().path("version").asInt()).isEqualTo(2);
    assertThat(v2.json().path("definitionHash").asText())
        .isNotEqualTo(v1.path("definitionHash").asText());

    ApiClient.Reply same = editor().putJson("api/v1/templates/" + name, changed, "\"2\"");
    assertThat(same.json().path("version").asInt()).as("unchanged definition").isEqualTo(2);

    ApiClient.Reply old = reader.get("api/v1/templates/" + name + "/versions/1");
    assertThat(old.status()).isEqualTo(200);
    assertThat(old.json().path("version").asInt()).isEqualTo(1);
    assertThat(old.json().path("latestVersion").asInt()).isEqualTo(2);
    assertThat(old.json().path("definition").path("sizes").get(1).path("width").asInt())
        .isEqualTo(640);
    assertProblem(reader.get("api/v1/templates/" + name + "/versions/9"), 404);

    assertProblem(editor().postJson("api/v1/templates", template(name, posterDefinition())), 409);

    ApiClient.Reply listed = reader.get("api/v1/templates?limit=200");
    assertThat(listed.json().path("items").findValuesAsText("name")).contains(name);

    assertThat(editor().delete("api/v1/templates/" + name).status()).isEqualTo(204);
    assertThat(reader.get("api/v1/templates/" + name).json().path("status").asText())
        .isEqualTo("ARCHIVED");
    assertThat(
            reader.get("api/v1/templates?limit=200").json().path("items").findValuesAsText("name"))
        .doesNotContain(name);
    assertThat(
            reader
                .get("api/v1/templates?status=ARCHIVED&limit=200")
                .json()
                .path("items")
                .findValuesAsText("name"))
        .contains(name);
    assertProblem(editor().putJson("api/v1/templates/" + name, changed, "\"2\""), 409);
    assertThat(reader.get("api/v1/templates/" + name + "/versions/1").status()).isEqualTo(200);

    JsonNode audit =
        ApiClient.anonymous(base)
            .as("administrator")
            .get("api/v1/audit-events?targetType=TEMPLATE&targetId=" + name)
            .json();
    assertThat(audit.path("items").findValuesAsText("action"))
        .containsExactly("TEMPLATE_ARCHIVED", "TEMPLATE_UPDATED", "TEMPLATE_CREATED");
  }

  @Test
  void listsTemplatesPageByPage() {
    for (int i = 0; i < 3; i++) {
      createTemplate(editor(), "page-" + RUN + "-" + i, posterDefinition());
    }
    ApiClient.Reply first = editor().get("api/v1/templates?limit=1");
    assertThat(first.json().path("items")).hasSize(1);
    assertThat(first.header("Link")).contains("rel=\"next\"");
    String cursor = first.json().path("nextCursor").asText();
    ApiClient.Reply second = editor().get("api/v1/templates?limit=1&cursor=" + cursor);
    assertThat(second.json().path("items").get(0).path("name").asText())
        .isGreaterThan(first.json().path("items").get(0).path("name").asText());
    assertFieldError(editor().get("api/v1/templates?cursor=bogus"), "cursor");
    assertProblem(editor().get("api/v1/templates/no-such-" + RUN), 404);
  }

  /** Each rejected definition answers 400 naming the field, and nothing is stored. */
  @Test
  void rejectsEveryInvalidDefinition() {
    reject("zero-width", d -> d.put("sizes", List.of(size(0, 720))), "definition.sizes[0].width");
    reject(
        "too-large", d -> d.put("sizes", List.of(size(5000, 2812))), "definition.sizes[0].width");
    reject(
        "aspect",
        d -> d.put("sizes", List.of(size(1280, 720), size(640, 480))),
        "definition.sizes[1]");
    reject("font", d -> overlay(d, 1, "font", "Comic Sans MS"), "definition.overlays[1].font");
    reject("colour", d -> overlay(d, 0, "color", "black"), "definition.overlays[0].color");
    reject("background", d -> d.put("background", "#12"), "definition.background");
    reject(
        "quality-low",
        d -> d.put("format", Map.of("type", "JPEG", "quality", 0)),
        "format.quality");
    reject(
        "quality-high",
        d -> d.put("format", Map.of("type", "WEBP", "quality", 101)),
        "format.quality");
    JsonNode avif =
        reject(
            "avif",
            d -> d.put("format", Map.of("type", "AVIF", "quality", 60)),
            "definition.format.type");
    assertThat(avif.toString()).contains("AVIF is not supported");
    reject(
        "logo",
        d ->
            appendOverlay(
                d,
                Map.of(
                    "type", "LOGO", "asset", "f".repeat(64), "anchor", "TOP_LEFT", "width", 0.2)),
        "definition.overlays[3].asset");
    reject(
        "focal",
        d -> d.put("crop", Map.of("strategy", "FOCAL_POINT")),
        "definition.crop.focalPoint");
    reject(
        "misplaced-field",
        d -> overlay(d, 0, "font", "DejaVu Sans"),
        "definition.overlays[0].font");
    assertFieldError(
        editor().postJson("api/v1/templates", template("Bad Name!", posterDefinition())), "name");
    ApiClient.Reply malformed =
        editor().postJson("api/v1/templates", "{\"name\": \"m-" + RUN + "\", \"definition\": ");
    assertProblem(malformed, 400);
  }

  private JsonNode reject(String label, Consumer<Map<String, Object>> change, String field) {
    String name = "bad-" + label + "-" + RUN;
    Map<String, Object> definition =
        new HashMap<>(heroDefinition(List.of(size(1280, 720), size(342, 192))));
    definition.put("overlays", new ArrayList<>((List<?>) definition.get("overlays")));
    change.accept(definition);
    ApiClient.Reply reply = editor().postJson("api/v1/templates", template(name, definition));
    JsonNode problem = assertProblem(reply, 400);
    assertThat(problem.path("errors").findValuesAsText("field"))
        .as("%s: %s", label, reply)
        .anySatisfy(f -> assertThat(f).endsWith(field));
    assertProblem(editor().get("api/v1/templates/" + name), 404);
    return problem;
  }

  @SuppressWarnings("unchecked")
  private static void overlay(Map<String, Object> d, int index, String field, Object value) {
    List<Object> overlays = (List<Object>) d.get("overlays");
    Map<String, Object> o = new HashMap<>((Map<String, Object>) overlays.get(index));
    o.put(field, value);
    overlays.set(index, o);
  }

  @SuppressWarnings("unchecked")
  private static void appendOverlay(Map<String, Object> d, Map<String, Object> overlay) {
    ((List<Object>) d.get("overlays")).add(overlay);
  }

  @Test
  void logosAreUploadedAsPngAndReferencedByKey() throws IOException {
    byte[] png = logoPng();
    ApiClient.Reply uploaded = upload(png, "image/png");
    assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
    String asset = uploaded.json().path("asset").asText();
    assertThat(asset).hasSize(64);
    assertThat(uploaded.json().path("width").asInt()).isEqualTo(120);
    assertThat(uploaded.json().path("url").asText()).isEqualTo("/assets/" + asset + ".png");
    assertThat(upload(png, "image/png").status()).as("same bytes again").isEqualTo(200);

    byte[] jpeg = Files.readAllBytes(RenderingFixtures.testImage("rocket.jpg"));
    assertFieldError(upload(jpeg, "image/png"), "file");
    assertFieldError(upload(new byte[] {1, 2, 3}, "image/png"), "file");
    ApiClient publisher = ApiClient.anonymous(base).as("publisher");
    assertProblem(
        publisher.send(
            publisher
                .request("api/v1/template-assets")
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png))),
        403);

    Map<String, Object> definition = new HashMap<>(heroDefinition(List.of(size(640, 360))));
    definition.put("overlays", new ArrayList<>((List<?>) definition.get("overlays")));
    appendOverlay(
        definition, Map.of("type", "LOGO", "asset", asset, "anchor", "TOP_LEFT", "width", 0.25));
    JsonNode created = createTemplate(editor(), "logo-" + RUN, definition);
    assertThat(created.path("definition").path("overlays").get(3).path("asset").asText())
        .isEqualTo(asset);
  }

  private ApiClient.Reply upload(byte[] bytes, String type) {
    return editor().send(pngRequest(bytes, type));
  }

  private HttpRequest.Builder pngRequest(byte[] bytes, String type) {
    return editor()
        .request("api/v1/template-assets")
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
  }

  /** A 120×40 logo with a transparent background. */
  private static byte[] logoPng() throws IOException {
    BufferedImage logo = new BufferedImage(120, 40, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = logo.createGraphics();
    g.setColor(new Color(229, 9, 20, 230));
    g.fillRoundRect(0, 0, 120, 40, 12, 12);
    g.setColor(new Color(255, 255, 255, 255));
    g.fillRect(10, 10, 20 + RUN.hashCode() % 10 + 10, 20);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(logo, "png", out);
    return out.toByteArray();
  }
}
