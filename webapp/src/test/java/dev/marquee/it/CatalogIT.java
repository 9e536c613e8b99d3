package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertFieldError;
import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Catalog entries, their tags, the vocabulary and the audit log, through the deployed API. */
@ExtendWith(ArquillianExtension.class)
class CatalogIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  private ApiClient editor() {
    return ApiClient.anonymous(base).as("editor");
  }

  static Map<String, Object> entry(String externalId, String title) {
    Map<String, Object> e = new HashMap<>();
    e.put("externalId", externalId);
    e.put("kind", "MOVIE");
    e.put("title", title);
    e.put("synopsis", "A widow in Paris is pursued.");
    e.put("genres", List.of("Thriller", "Romance"));
    e.put("releaseYear", 1963);
    e.put("maturityRating", Map.of("scheme", "MPAA", "value", "PG-13", "minimumAge", 13));
    e.put("localizedTitles", Map.of("fr", title + " (fr)"));
    e.put(
        "cast",
        List.of(
            Map.of("person", "Cary Grant", "character", "Peter Joshua", "role", "hero"),
            Map.of("person", "Walter Matthau", "character", "Hamilton", "role", "villain")));
    return e;
  }

  private JsonNode create(String externalId, String title) {
    ApiClient.Reply reply = editor().postJson("api/v1/entries", entry(externalId, title));
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.json();
  }

  @Test
  void createReadUpdateWithETagsAndOptimisticLocking() {
    ApiClient.Reply created = editor().postJson("api/v1/entries", entry(RUN + "-crud", "Charade"));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("id").asText();
    assertThat(created.header("Location")).endsWith("/api/v1/entries/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    assertThat(created.json().path("genres")).hasSize(2);
    assertThat(created.json().path("createdBy").asText()).isEqualTo("editor");

    ApiClient.Reply read = ApiClient.anonymous(base).as("experimenter").get("api/v1/entries/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"0\"");
    assertThat(read.json().path("maturityRating").path("minimumAge").asInt()).isEqualTo(13);
    assertThat(read.json().path("cast").get(1).path("role").asText()).isEqualTo("villain");

    ApiClient.Reply notModified =
        editor()
            .send(editor().request("api/v1/entries/" + id).header("If-None-Match", "\"0\"").GET());
    assertThat(notModified.status()).isEqualTo(304);

    Map<String, Object> changed = entry(RUN + "-crud", "Charade (1963)");
    ApiClient.Reply updated = editor().putJson("api/v1/entries/" + id, changed, "\"0\"");
    assertThat(updated.status()).as("%s", updated).isEqualTo(200);
    assertThat(updated.header("ETag")).isEqualTo("\"1\"");
    assertThat(updated.json().path("title").asText()).isEqualTo("Charade (1963)");

    JsonNode stale = assertProblem(editor().putJson("api/v1/entries/" + id, changed, "\"0\""), 412);
    assertThat(stale.path("detail").asText()).contains("version");
    assertProblem(editor().putJson("api/v1/entries/" + id, changed, null), 428);

    assertProblem(editor().putJson("api/v1/entries/" + id, changed, "W/\"1\""), 412);

    ApiClient.Reply same = editor().putJson("api/v1/entries/" + id, changed, "\"1\"");
    assertThat(same.header("ETag"))
        .as("an update that changes nothing keeps the version")
        .isEqualTo("\"1\"");
  }

  @Test
  void duplicateExternalIdIsAConflict() {
    create(RUN + "-dup", "First");
    JsonNode problem =
        assertProblem(editor().postJson("api/v1/entries", entry(RUN + "-dup", "Second")), 409);
    assertThat(problem.path("detail").asText()).contains(RUN + "-dup");
  }

  @Test
  void invalidEntriesAreRejectedFieldByFieldAndNothingIsStored() {
    Map<String, Object> bad = entry(RUN + " bad id", "");
    bad.put("releaseYear", 1700);
    JsonNode problem = assertProblem(editor().postJson("api/v1/entries", bad), 400);
    assertThat(problem.path("errors").findValuesAsText("field"))
        .contains("externalId", "title", "releaseYear");

    Map<String, Object> longTitle = entry(RUN + "-long", "x".repeat(501));
    assertFieldError(editor().postJson("api/v1/entries", longTitle), "title");

    Map<String, Object> badCast = entry(RUN + "-cast", "Cast");
    badCast.put("cast", List.of(Map.of("person", "", "character", "c", "role", "hero")));
    assertFieldError(editor().postJson("api/v1/entries", badCast), "cast[0].person");

    Map<String, Object> orphan = entry(RUN + "-orphan", "Orphan");
    orphan.put("kind", "EPISODE");
    orphan.put("parentId", UUID.randomUUID().toString());
    assertFieldError(editor().postJson("api/v1/entries", orphan), "parentId");

    Map<String, Object> badRating = entry(RUN + "-rating", "Rating");
    badRating.put("maturityRating", Map.of("scheme", "MPAA", "value", "R", "minimumAge", 40));
    assertFieldError(editor().postJson("api/v1/entries", badRating), "maturityRating.minimumAge");

    assertThat(list("q=" + enc(RUN + " bad")).path("items")).isEmpty();
  }

  @Test
  void malformedBodiesAnswerClearProblems() {
    JsonNode malformed = assertProblem(editor().postJson("api/v1/entries", "{\"title\": "), 400);
    assertThat(malformed.path("title").asText()).isEqualTo("Malformed JSON");

    Map<String, Object> unknownEnum = entry(RUN + "-enum", "Enum");
    unknownEnum.put("kind", "FILM");
    JsonNode enumProblem =
        assertFieldError(editor().postJson("api/v1/entries", unknownEnum), "kind");
    assertThat(enumProblem.toString()).contains("MOVIE");

    Map<String, Object> wrongType = entry(RUN + "-type", "Type");
    wrongType.put("releaseYear", "nineteen");
    assertFieldError(editor().postJson("api/v1/entries", wrongType), "releaseYear");

    Map<String, Object> unknownProperty = entry(RUN + "-prop", "Prop");
    unknownProperty.put("director", "Stanley Donen");
    assertFieldError(editor().postJson("api/v1/entries", unknownProperty), "director");

    byte[] invalidUtf8 =
        ("{\"externalId\":\"" + RUN + "-utf\",\"kind\":\"MOVIE\",\"title\":\"Caf\u00e9\"}")
            .getBytes(StandardCharsets.ISO_8859_1);
    JsonNode encoding = assertProblem(editor().postJson("api/v1/entries", invalidUtf8), 400);
    assertThat(encoding.path("detail").asText()).contains("UTF-8");

    byte[] twentyMegabytes = new byte[20 * 1024 * 1024];
    java.util.Arrays.fill(twentyMegabytes, (byte) ' ');
    assertProblem(editor().postJson("api/v1/entries", twentyMegabytes), 413);

    ApiClient.Reply xml =
        editor()
            .send(
                editor()
                    .request("api/v1/entries")
                    .header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofString("<entry/>")));
    assertProblem(xml, 415);

    assertProblem(editor().postJson("api/v1/entries", ""), 400);
    assertThat(list("q=" + enc(RUN + "-")).path("items").findValuesAsText("externalId"))
        .noneMatch(x -> x.endsWith("-utf") || x.endsWith("-enum") || x.endsWith("-prop"));
  }

  @Test
  void unknownAndMalformedIdsAndParameters() {
    assertProblem(editor().get("api/v1/entries/" + UUID.randomUUID()), 404);
    assertFieldError(editor().get("api/v1/entries/not-a-uuid"), "entryId");
    assertFieldError(editor().get("api/v1/entries?limit=0"), "limit");
    assertFieldError(editor().get("api/v1/entries?limit=abc"), "limit");
    assertFieldError(editor().get("api/v1/entries?kind=FILM"), "kind");
    assertFieldError(editor().get("api/v1/entries?updatedSince=yesterday"), "updatedSince");
    assertFieldError(editor().get("api/v1/entries?cursor=%21%21garbage"), "cursor");
  }

  @Test
  void rolesAreEnforcedPerOperation() {
    ApiClient experimenter = ApiClient.anonymous(base).as("experimenter");
    assertThat(experimenter.get("api/v1/entries").status()).isEqualTo(200);
    assertProblem(experimenter.postJson("api/v1/entries", entry(RUN + "-role", "Role")), 403);
    assertProblem(
        ApiClient.anonymous(base)
            .as("publisher")
            .postJson("api/v1/tags", Map.of("kind", "THEME", "value", "x")),
        403);
    assertProblem(
        ApiClient.anonymous(base).postJson("api/v1/entries", entry(RUN + "-anon", "Anon")), 401);
  }

  @Test
  void archiveRestoreAndDelete() {
    JsonNode e = create(RUN + "-arch", "Archive me");
    String id = e.path("id").asText();
    ApiClient.Reply archived = editor().postJson("api/v1/entries/" + id + "/archive", "");
    assertThat(archived.status()).as("%s", archived).isEqualTo(200);
    assertThat(archived.json().path("status").asText()).isEqualTo("ARCHIVED");
    assertThat(list("q=" + enc("Archive me")).path("items").findValuesAsText("id"))
        .doesNotContain(id);
    assertThat(list("status=ARCHIVED&q=" + enc("Archive me")).path("items").findValuesAsText("id"))
        .contains(id);

    ApiClient.Reply restored = editor().postJson("api/v1/entries/" + id + "/restore", "");
    assertThat(restored.json().path("status").asText()).isEqualTo("ACTIVE");

    assertProblem(
        editor()
            .send(editor().request("api/v1/entries/" + id).header("If-Match", "\"0\"").DELETE()),
        412);
    assertThat(editor().delete("api/v1/entries/" + id).status()).isEqualTo(204);
    assertProblem(editor().get("api/v1/entries/" + id), 404);
  }

  @Test
  void listFiltersAndCursorPaginationWithLinkHeader() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(create(RUN + "-page-" + i, "Paging " + RUN + " " + i).path("id").asText());
    }
    List<String> seen = new ArrayList<>();
    String query = "q=" + enc("Paging " + RUN) + "&limit=3";
    JsonNode page = list(query);
    ApiClient.Reply first = editor().get("api/v1/entries?" + query);
    assertThat(first.header("Link")).contains("rel=\"next\"").contains("cursor=");
    int pages = 0;
    while (true) {
      pages++;
      page.path("items").forEach(item -> seen.add(item.path("id").asText()));
      String next = page.path("nextCursor").asText(null);
      if (next == null || next.isEmpty()) {
        break;
      }
      page = list(query + "&cursor=" + enc(next));
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();

    assertThat(list("q=" + enc("Paging " + RUN) + "&kind=SERIES").path("items")).isEmpty();
    assertThat(list("q=" + enc("paging " + RUN.toUpperCase())).path("items")).hasSize(7);
    assertThat(list("q=" + enc("Paging " + RUN) + "&genre=thriller").path("items")).hasSize(7);
    assertThat(list("q=" + enc("Paging " + RUN) + "&maxMinimumAge=12").path("items")).isEmpty();
    assertThat(
            list("q=" + enc("Paging " + RUN) + "&maturityScheme=MPAA&maturityValue=PG-13")
                .path("items"))
        .hasSize(7);
    assertThat(
            list("q=" + enc("Paging " + RUN) + "&updatedSince=2000-01-01T00:00:00Z").path("items"))
        .hasSize(7);
    assertThat(
            list("q=" + enc("Paging " + RUN) + "&updatedSince=2999-01-01T00:00:00Z").path("items"))
        .isEmpty();
  }

  @Test
  void taggingVocabularyRenameMergeAndTagQuery() {
    String id = create(RUN + "-tagged", "Tagged").path("id").asText();
    String person = "Uma Thurman " + RUN;
    ApiClient.Reply added =
        editor()
            .postJson(
                "api/v1/entries/" + id + "/tags",
                Map.of("kind", "CAST", "value", person, "weight", 0.9));
    assertThat(added.status()).as("%s", added).isEqualTo(201);
    String tagId = added.json().path("tagId").asText();
    assertThat(added.json().path("source").asText()).isEqualTo("MANUAL");
    assertThat(added.json().path("taggedBy").asText()).isEqualTo("editor");

    ApiClient.Reply afterTagging = editor().get("api/v1/entries/" + id);
    assertThat(afterTagging.header("ETag"))
        .as("tagging changes the representation")
        .isEqualTo("\"1\"");
    editor()
        .postJson(
            "api/v1/entries/" + id + "/tags", Map.of("kind", "THEME", "value", "heist " + RUN));
    assertThat(
            list("tag=" + enc("CAST:" + person) + "&tag=" + enc("THEME:heist " + RUN))
                .path("items"))
        .hasSize(1);
    assertThat(
            list("tag=" + enc("CAST:" + person) + "&tag=" + enc("THEME:romance " + RUN))
                .path("items"))
        .as("several tag filters must all match")
        .isEmpty();

    JsonNode byTag = list("tag=" + enc("CAST:" + person.toLowerCase()));
    assertThat(byTag.path("items").findValuesAsText("id")).containsExactly(id);
    assertThat(byTag.path("items").get(0).path("tags").findValuesAsText("value")).contains(person);

    JsonNode vocabulary =
        editor().get("api/v1/tags?kind=CAST&prefix=" + enc("Uma Thurman " + RUN)).json();
    assertThat(vocabulary.path("items").get(0).path("usageCount").asLong()).isEqualTo(1);

    ApiClient.Reply renamed =
        editor().postJson("api/v1/tags/" + tagId + "/rename", Map.of("value", person + " (actor)"));
    assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
    assertThat(renamed.json().path("value").asText()).isEqualTo(person + " (actor)");

    ApiClient.Reply other =
        editor().postJson("api/v1/tags", Map.of("kind", "CAST", "value", "U. Thurman " + RUN));
    assertThat(other.status()).as("%s", other).isEqualTo(201);
    String otherId = other.json().path("id").asText();
    assertProblem(
        editor()
            .postJson("api/v1/tags/" + otherId + "/rename", Map.of("value", person + " (actor)")),
        409);

    ApiClient.Reply merged =
        editor().postJson("api/v1/tags/" + tagId + "/merge", Map.of("intoTagId", otherId));
    assertThat(merged.status()).as("%s", merged).isEqualTo(200);
    assertThat(merged.json().path("usageCount").asLong()).isEqualTo(1);
    assertProblem(editor().get("api/v1/tags/" + tagId), 404);
    assertThat(
            editor()
                .get("api/v1/entries/" + id + "/tags")
                .json()
                .path("items")
                .findValuesAsText("tagId"))
        .contains(otherId)
        .hasSize(2);

    assertFieldError(
        editor().postJson("api/v1/entries/" + id + "/tags", Map.of("kind", "MOOD", "value", "x")),
        "kind");
    assertThat(editor().delete("api/v1/entries/" + id + "/tags/" + otherId).status())
        .isEqualTo(204);
    assertThat(
            editor()
                .get("api/v1/entries/" + id + "/tags")
                .json()
                .path("items")
                .findValuesAsText("tagId"))
        .doesNotContain(otherId)
        .hasSize(1);
  }

  @Test
  void everyChangeLandsInTheAuditLog() {
    String id = create(RUN + "-audit", "Audited").path("id").asText();
    editor().putJson("api/v1/entries/" + id, entry(RUN + "-audit", "Audited again"), "\"0\"");
    editor()
        .postJson("api/v1/entries/" + id + "/tags", Map.of("kind", "THEME", "value", "romance"));
    JsonNode events =
        ApiClient.anonymous(base)
            .as("administrator")
            .get("api/v1/audit-events?targetId=" + id)
            .json();
    assertThat(events.path("items").findValuesAsText("action"))
        .contains("ENTRY_CREATED", "ENTRY_UPDATED", "ENTRY_TAGGED");
    assertThat(events.path("items").findValuesAsText("actor")).containsOnly("editor");
    assertFieldError(editor().get("api/v1/audit-events?action=NOPE"), "action");
  }

  private JsonNode list(String query) {
    ApiClient.Reply reply = editor().get("api/v1/entries?" + query);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
