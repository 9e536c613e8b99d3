package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertFieldError;
import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tagged regions on source images and the suggestions of region suggesters, accepted and rejected,
 * with two test suggesters deployed: a deterministic one (centre third, FACE, 0.9) and one that
 * always fails.
 */
@ExtendWith(ArquillianExtension.class)
class TaggedRegionsIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.withSuggesters();
  }

  @ArquillianResource URL base;

  private ApiClient editor() {
    return ApiClient.anonymous(base).as("editor");
  }

  private String newEntry(String name) {
    ApiClient.Reply created =
        editor().postJson("api/v1/entries", CatalogIT.entry(RUN + "-" + name, "Regions " + name));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private String tag(String entryId, String kind, String value) {
    ApiClient.Reply reply =
        editor()
            .postJson(
                "api/v1/entries/" + entryId + "/tags",
                Map.of("kind", kind, "value", value, "source", "MANUAL"));
    assertThat(reply.status()).as("%s", reply).isIn(200, 201);
    return reply.json().path("tagId").asText();
  }

  private String image(String entryId, long seed) {
    ApiClient.Reply reply =
        editor()
            .postBytes(
                "api/v1/entries/" + entryId + "/images",
                "image/jpeg",
                ItImages.jpeg(300, 200, seed));
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.json().path("id").asText();
  }

  private static Map<String, Object> rect(double x, double y, double width, double height) {
    return Map.of("rect", Map.of("x", x, "y", y, "width", width, "height", height));
  }

  private ApiClient.Reply put(String imageId, String tagId, Object body, String ifMatch) {
    return editor().putJson("api/v1/images/" + imageId + "/regions/" + tagId, body, ifMatch);
  }

  @Test
  void oneImageCarriesRegionsOfManyTagsWithOptimisticLocking() {
    String entry = newEntry("regions");
    String uma = tag(entry, "CAST", "Uma Thurman");
    String villain = tag(entry, "CHARACTER_ROLE", "villain");
    String image = image(entry, 1);

    ApiClient.Reply created = put(image, uma, rect(0.4, 0.1, 0.2, 0.3), null);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    JsonNode region = created.json();
    assertThat(region.path("imageId").asText()).isEqualTo(image);
    assertThat(region.path("tagId").asText()).isEqualTo(uma);
    assertThat(region.path("kind").asText()).isEqualTo("CAST");
    assertThat(region.path("value").asText()).isEqualTo("Uma Thurman");
    assertThat(region.path("origin").asText()).isEqualTo("MANUAL");
    assertThat(region.path("rect").path("width").asDouble()).isEqualTo(0.2);
    assertThat(region.path("updatedBy").asText()).isEqualTo("editor");
    assertThat(put(image, villain, rect(0, 0.5, 0.5, 0.5), null).status()).isEqualTo(201);

    assertProblem(put(image, uma, rect(0.5, 0.1, 0.2, 0.3), null), 428);
    assertProblem(put(image, uma, rect(0.5, 0.1, 0.2, 0.3), "\"5\""), 412);
    ApiClient.Reply moved = put(image, uma, rect(0.5, 0.1, 0.2, 0.3), "\"0\"");
    assertThat(moved.status()).as("%s", moved).isEqualTo(200);
    assertThat(moved.header("ETag")).isEqualTo("\"1\"");
    assertThat(moved.json().path("rect").path("x").asDouble()).isEqualTo(0.5);

    JsonNode list = editor().get("api/v1/images/" + image + "/regions").json().path("items");
    assertThat(list.findValuesAsText("value")).containsExactly("Uma Thurman", "villain");
    assertThat(
            ApiClient.anonymous(base)
                .as("experimenter")
                .get("api/v1/images/" + image + "/regions")
                .status())
        .isEqualTo(200);

    assertProblem(
        editor()
            .send(
                editor()
                    .request("api/v1/images/" + image + "/regions/" + villain)
                    .header("If-Match", "\"3\"")
                    .DELETE()),
        412);
    assertThat(editor().delete("api/v1/images/" + image + "/regions/" + villain).status())
        .isEqualTo(204);
    assertProblem(editor().delete("api/v1/images/" + image + "/regions/" + villain), 404);
    assertThat(
            editor()
                .get("api/v1/images/" + image + "/regions")
                .json()
                .path("items")
                .findValuesAsText("tagId"))
        .containsExactly(uma);

    // Removing the tag from the entry removes its regions.
    assertThat(editor().delete("api/v1/entries/" + entry + "/tags/" + uma).status()).isEqualTo(204);
    assertThat(editor().get("api/v1/images/" + image + "/regions").json().path("items")).isEmpty();

    assertThat(
            editor()
                .get("api/v1/audit-events?targetType=SOURCE_IMAGE&targetId=" + image)
                .json()
                .path("items")
                .findValuesAsText("action"))
        .contains("REGION_SET", "REGION_REMOVED", "SOURCE_IMAGE_UPLOADED");
  }

  @Test
  void regionsAreValidatedFieldByField() {
    String entry = newEntry("validation");
    String tag = tag(entry, "SETTING", "Tokyo");
    String image = image(entry, 2);
    assertFieldError(put(image, tag, rect(-0.1, 0, 0.5, 0.5), null), "rect.x");
    assertFieldError(put(image, tag, rect(0, 1.5, 0.5, 0.5), null), "rect.y");
    assertFieldError(put(image, tag, rect(0, 0, 0, 0.5), null), "rect.width");
    assertFieldError(put(image, tag, rect(0.6, 0, 0.5, 0.5), null), "rect.width");
    assertFieldError(put(image, tag, rect(0, 0.7, 0.5, 0.4), null), "rect.height");
    Map<String, Object> partial = new HashMap<>();
    partial.put("rect", Map.of("x", 0.1, "y", 0.1, "width", 0.2));
    assertFieldError(put(image, tag, partial, null), "rect.height");
    assertProblem(put(image, tag, Map.of(), null), 400);
    assertProblem(
        put(
            image,
            tag,
            "{\"rect\": {\"x\": 0.1, \"y\": 0.1, \"width\": 0.2, \"height\": 0.2}, \"z\": 1}",
            null),
        400);
    assertThat(editor().get("api/v1/images/" + image + "/regions").json().path("items")).isEmpty();
  }

  @Test
  void aTagOfAnotherEntryOrAnUnknownImageIsNotFound() {
    String entry = newEntry("own");
    String image = image(entry, 3);
    String other = newEntry("other");
    String foreignTag = tag(other, "CAST", "Lucy Liu");
    JsonNode problem = assertProblem(put(image, foreignTag, rect(0.1, 0.1, 0.2, 0.2), null), 404);
    assertThat(problem.path("detail").asText()).contains(foreignTag);
    assertProblem(
        put(UUID.randomUUID().toString(), foreignTag, rect(0.1, 0.1, 0.2, 0.2), null), 404);
    assertProblem(editor().get("api/v1/images/" + UUID.randomUUID() + "/regions"), 404);
    assertProblem(
        ApiClient.anonymous(base)
            .as("experimenter")
            .putJson(
                "api/v1/images/" + image + "/regions/" + foreignTag,
                rect(0.1, 0.1, 0.2, 0.2),
                null),
        403);
  }

  @Test
  void uploadRecordsSuggestionsAndAFailingDetectorDoesNotMatter() {
    String entry = newEntry("suggested");
    String image = image(entry, 4);
    JsonNode suggestions =
        editor().get("api/v1/images/" + image + "/suggestions").json().path("items");
    assertThat(suggestions).hasSize(1);
    JsonNode face = suggestions.get(0);
    assertThat(face.path("kind").asText()).isEqualTo("FACE");
    assertThat(face.path("detector").asText()).isEqualTo("CentreThirdFaceSuggester");
    assertThat(face.path("confidence").asDouble()).isEqualTo(0.9);
    assertThat(face.path("status").asText()).isEqualTo("PENDING");
    assertThat(face.path("rect").path("x").asDouble()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(face.has("decidedBy")).isFalse();
  }

  @Test
  void acceptingAsACastMemberTagsTheEntryAndPlacesTheRegionInOneCall() {
    String entry = newEntry("accept");
    String image = image(entry, 5);
    String suggestion = firstSuggestion(image);

    ApiClient.Reply accepted =
        editor()
            .postJson(
                "api/v1/images/" + image + "/suggestions/" + suggestion + "/accept",
                Map.of("castMember", "Eileen Collins"));
    assertThat(accepted.status()).as("%s", accepted).isEqualTo(201);
    JsonNode region = accepted.json();
    assertThat(region.path("kind").asText()).isEqualTo("CAST");
    assertThat(region.path("value").asText()).isEqualTo("Eileen Collins");
    assertThat(region.path("origin").asText()).isEqualTo("SUGGESTED");
    assertThat(region.path("confidence").asDouble()).isEqualTo(0.9);
    assertThat(region.path("suggestionId").asText()).isEqualTo(suggestion);
    assertThat(region.path("rect").path("width").asDouble()).isCloseTo(1 / 3.0, within(1e-9));
    String tagId = region.path("tagId").asText();

    JsonNode tags = editor().get("api/v1/entries/" + entry + "/tags").json().path("items");
    JsonNode castTag = find(tags, "tagId", tagId);
    assertThat(castTag.path("value").asText()).isEqualTo("Eileen Collins");
    assertThat(castTag.path("source").asText()).isEqualTo("SUGGESTED");

    JsonNode decided =
        find(
            editor().get("api/v1/images/" + image + "/suggestions").json().path("items"),
            "id",
            suggestion);
    assertThat(decided.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(decided.path("decidedBy").asText()).isEqualTo("editor");
    assertThat(decided.path("decidedAt").asText()).isNotBlank();
    assertThat(decided.path("tagId").asText()).isEqualTo(tagId);
    assertThat(
            editor()
                .get("api/v1/images/" + image + "/regions")
                .json()
                .path("items")
                .findValuesAsText("tagId"))
        .containsExactly(tagId);

    assertProblem(
        editor()
            .postJson(
                "api/v1/images/" + image + "/suggestions/" + suggestion + "/accept",
                Map.of("castMember", "Eileen Collins")),
        409);
    assertProblem(
        editor()
            .postJson(
                "api/v1/images/" + image + "/suggestions/" + suggestion + "/reject", Map.of()),
        409);
  }

  @Test
  void acceptingForAnExistingTagKeepsItsSource() {
    String entry = newEntry("accept-tag");
    String uma = tag(entry, "CAST", "Uma Thurman");
    String image = image(entry, 6);
    String suggestion = firstSuggestion(image);
    String accept = "api/v1/images/" + image + "/suggestions/" + suggestion + "/accept";

    assertFieldError(editor().postJson(accept, Map.of()), "castMember");
    assertFieldError(
        editor().postJson(accept, Map.of("castMember", "Uma Thurman", "tagId", uma)), "tagId");
    assertFieldError(editor().postJson(accept, Map.of("castMember", "")), "castMember");
    String foreign = tag(newEntry("accept-foreign"), "CAST", "Someone Else");
    assertProblem(editor().postJson(accept, Map.of("tagId", foreign)), 404);
    assertProblem(
        editor()
            .postJson(
                "api/v1/images/" + image + "/suggestions/" + UUID.randomUUID() + "/accept",
                Map.of("tagId", uma)),
        404);

    ApiClient.Reply accepted = editor().postJson(accept, Map.of("tagId", uma));
    assertThat(accepted.status()).as("%s", accepted).isEqualTo(201);
    assertThat(accepted.json().path("tagId").asText()).isEqualTo(uma);
    JsonNode tags = editor().get("api/v1/entries/" + entry + "/tags").json().path("items");
    assertThat(find(tags, "tagId", uma).path("source").asText()).isEqualTo("MANUAL");
    assertThat(tags).hasSize(1);
  }

  @Test
  void rejectingIsFinalAndDeletingTheImageTakesRegionsAndSuggestionsAlong() {
    String entry = newEntry("reject");
    String image = image(entry, 7);
    String suggestion = firstSuggestion(image);
    String reject = "api/v1/images/" + image + "/suggestions/" + suggestion + "/reject";
    assertProblem(ApiClient.anonymous(base).as("publisher").postJson(reject, Map.of()), 403);

    ApiClient.Reply rejected = editor().postJson(reject, Map.of());
    assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
    assertThat(rejected.json().path("status").asText()).isEqualTo("REJECTED");
    assertThat(rejected.json().path("decidedBy").asText()).isEqualTo("editor");
    assertProblem(editor().postJson(reject, Map.of()), 409);
    assertProblem(
        editor()
            .postJson(
                "api/v1/images/" + image + "/suggestions/" + suggestion + "/accept",
                Map.of("castMember", "Nobody")),
        409);
    assertThat(
            editor()
                .get("api/v1/audit-events?targetType=SOURCE_IMAGE&targetId=" + image)
                .json()
                .path("items")
                .findValuesAsText("action"))
        .contains("SUGGESTION_REJECTED");

    String tag = tag(entry, "THEME", "revenge");
    assertThat(put(image, tag, rect(0, 0, 1, 1), null).status()).isEqualTo(201);
    assertThat(editor().delete("api/v1/images/" + image).status()).isEqualTo(204);
    assertProblem(editor().get("api/v1/images/" + image + "/regions"), 404);
    assertProblem(editor().get("api/v1/images/" + image + "/suggestions"), 404);
    assertProblem(editor().postJson(reject, Map.of()), 404);
  }

  private String firstSuggestion(String image) {
    JsonNode items = editor().get("api/v1/images/" + image + "/suggestions").json().path("items");
    assertThat(items).isNotEmpty();
    return items.get(0).path("id").asText();
  }

  private static JsonNode find(JsonNode items, String field, String value) {
    for (JsonNode item : items) {
      if (value.equals(item.path(field).asText())) {
        return item;
      }
    }
    throw new AssertionError("no item with " + field + " " + value + " in " + items);
  }
}
