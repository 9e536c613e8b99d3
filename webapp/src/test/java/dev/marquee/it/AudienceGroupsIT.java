package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertFieldError;
import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
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

/** Audience groups: CRUD, ordering, validation against the vocabulary, and resolving viewers. */
@ExtendWith(ArquillianExtension.class)
class AudienceGroupsIT {
  static final String DEFAULT_GROUP = "00000000-0000-0000-0000-000000000001";
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  ApiClient as(String user) {
    return ApiClient.anonymous(base).as(user);
  }

  /** Creates a THEME tag in the vocabulary and returns its value. */
  String theme(String name) {
    String value = name + "-" + RUN;
    ApiClient.Reply r =
        as("editor").postJson("api/v1/tags", Map.of("kind", "THEME", "value", value));
    assertThat(r.status()).as("%s", r).isIn(201, 409);
    return value;
  }

  static Map<String, Object> group(String name, List<Map<String, Object>> rules) {
    Map<String, Object> g = new HashMap<>();
    g.put("name", name);
    g.put("description", "IT group");
    g.put("rules", rules);
    return g;
  }

  JsonNode create(Map<String, Object> body) {
    ApiClient.Reply r = as("experimenter").postJson("api/v1/audience-groups", body);
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json();
  }

  @Test
  void crudWithETagsAndAudit() {
    String romance = theme("romance");
    JsonNode created =
        create(
            group(
                "Romance " + RUN,
                List.of(
                    Map.of(
                        "profileTypes", List.of("ADULT"),
                        "languages", List.of("EN-gb"),
                        "tagAffinities",
                            List.of(Map.of("tag", "THEME:" + romance, "atLeast", 0.4))))));
    String id = created.path("id").asText();
    assertThat(created.path("default").asBoolean()).isFalse();
    assertThat(created.path("rules").get(0).path("languages").get(0).asText()).isEqualTo("en-GB");
    assertThat(created.path("rules").get(0).path("tagAffinities").get(0).path("tag").asText())
        .isEqualTo("THEME:" + romance.toLowerCase());

    ApiClient.Reply read = as("editor").get("api/v1/audience-groups/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"0\"");

    Map<String, Object> renamed = group("Romance fans " + RUN, List.of());
    assertProblem(as("experimenter").putJson("api/v1/audience-groups/" + id, renamed, null), 428);
    assertProblem(
        as("experimenter").putJson("api/v1/audience-groups/" + id, renamed, "\"7\""), 412);
    assertProblem(as("editor").putJson("api/v1/audience-groups/" + id, renamed, "\"0\""), 403);
    ApiClient.Reply updated =
        as("experimenter").putJson("api/v1/audience-groups/" + id, renamed, "\"0\"");
    assertThat(updated.status()).as("%s", updated).isEqualTo(200);
    assertThat(updated.header("ETag")).isEqualTo("\"1\"");
    assertThat(updated.json().path("rules")).isEmpty();

    assertProblem(
        as("experimenter").postJson("api/v1/audience-groups", group("Romance fans " + RUN, null)),
        409);

    ApiClient.Reply audit =
        as("experimenter").get("api/v1/audit-events?targetType=AUDIENCE_GROUP&targetId=" + id);
    assertThat(audit.json().path("items").findValuesAsText("action"))
        .containsExactly("AUDIENCE_GROUP_UPDATED", "AUDIENCE_GROUP_CREATED");

    assertProblem(
        as("experimenter")
            .send(
                as("experimenter")
                    .request("api/v1/audience-groups/" + id)
                    .header("If-Match", "\"0\"")
                    .DELETE()),
        412);
    assertThat(as("experimenter").delete("api/v1/audience-groups/" + id).status()).isEqualTo(204);
    assertProblem(as("experimenter").get("api/v1/audience-groups/" + id), 404);
  }

  @Test
  void theDefaultGroupIsLastHasNoRulesAndCannotBeDeleted() {
    create(group("Someone " + RUN, List.of(Map.of("apps", List.of("someone-" + RUN)))));
    List<JsonNode> all = listAll();
    assertThat(all.get(all.size() - 1).path("id").asText()).isEqualTo(DEFAULT_GROUP);
    assertThat(all.stream().filter(g -> g.path("default").asBoolean())).hasSize(1);

    assertProblem(as("experimenter").delete("api/v1/audience-groups/" + DEFAULT_GROUP), 409);
    assertFieldError(
        as("experimenter")
            .putJson(
                "api/v1/audience-groups/" + DEFAULT_GROUP,
                group("Everyone", List.of(Map.of("apps", List.of("x")))),
                "*"),
        "rules");
  }

  @Test
  void rulesNamingUnknownTagsOrBadLanguagesAreRejectedWithFieldErrors() {
    String known = theme("known");
    Map<String, Object> body =
        group(
            "Bad " + RUN,
            List.of(
                Map.of("apps", List.of("tv")),
                Map.of(
                    "languages", List.of("de", "not a language"),
                    "tagAffinities",
                        List.of(
                            Map.of("tag", "THEME:" + known, "atLeast", 0.1),
                            Map.of("tag", "THEME:nowhere-" + RUN, "atLeast", 0.2)))));
    JsonNode problem =
        assertFieldError(
            as("experimenter").postJson("api/v1/audience-groups", body),
            "rules[1].tagAffinities[1].tag");
    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("rules[1].tagAffinities[1].tag", "rules[1].languages[1]");

    assertFieldError(
        as("experimenter")
            .postJson(
                "api/v1/audience-groups",
                group("Bad country " + RUN, List.of(Map.of("countries", List.of("Germany"))))),
        "rules[0].countries[0]");
    assertProblem(
        as("experimenter")
            .postJson(
                "api/v1/audience-groups",
                group("Bad device " + RUN, List.of(Map.of("deviceClasses", List.of("FRIDGE"))))),
        400);
  }

  @Test
  void reorderNeedsTheListETagAndEveryGroup() {
    JsonNode a = create(group("A " + RUN, List.of(Map.of("apps", List.of("a-" + RUN)))));
    JsonNode b = create(group("B " + RUN, List.of(Map.of("apps", List.of("b-" + RUN)))));
    ApiClient.Reply list = as("experimenter").get("api/v1/audience-groups?limit=200");
    String etag = list.header("ETag");
    List<String> ids = new ArrayList<>();
    for (JsonNode g : listAll()) {
      if (!g.path("default").asBoolean()) {
        ids.add(g.path("id").asText());
      }
    }
    ids.remove(b.path("id").asText());
    ids.add(0, b.path("id").asText());

    assertFieldError(
        as("experimenter")
            .putJson("api/v1/audience-group-order", Map.of("groupIds", ids.subList(0, 1)), etag),
        "groupIds");
    assertProblem(
        as("experimenter").putJson("api/v1/audience-group-order", Map.of("groupIds", ids), null),
        428);
    ApiClient.Reply reordered =
        as("experimenter").putJson("api/v1/audience-group-order", Map.of("groupIds", ids), etag);
    assertThat(reordered.status()).as("%s", reordered).isEqualTo(200);
    assertThat(reordered.header("ETag")).isNotEqualTo(etag);
    assertThat(reordered.json().path("items").get(0).path("id").asText())
        .isEqualTo(b.path("id").asText());
    assertProblem(
        as("experimenter").putJson("api/v1/audience-group-order", Map.of("groupIds", ids), etag),
        412);
    assertThat(listAll().get(0).path("id").asText()).isEqualTo(b.path("id").asText());
    assertThat(a.path("id").asText()).isIn(ids);
  }

  @Test
  void resolveExplainsWhichRuleMatchedWithDerivedAffinities() {
    String cosy = theme("cosy");
    String eerie = theme("eerie");
    // three watched entries: two carry 'cosy' (one weighted 0.5), one carries 'eerie'
    String e1 = entryWith("r1", cosy, null);
    String e2 = entryWith("r2", cosy, 0.5);
    String e3 = entryWith("r3", eerie, null);
    JsonNode group =
        create(
            group(
                "Cosy " + RUN,
                List.of(
                    Map.of("apps", List.of("never-" + RUN)),
                    Map.of(
                        "apps", List.of("cosy-app-" + RUN),
                        "tagAffinities",
                            List.of(Map.of("tag", "THEME:" + cosy, "atLeast", 0.5))))));

    Map<String, Object> context = new HashMap<>();
    context.put("profileType", "ADULT");
    context.put("country", "DE");
    context.put("language", "de-de");
    context.put("deviceClass", "TV");
    context.put("app", "cosy-app-" + RUN);
    context.put("recentlyWatched", List.of(e1, e2, e3, UUID.randomUUID().toString()));
    ApiClient.Reply resolved = as("publisher").postJson("api/v1/audience-groups/resolve", context);
    assertThat(resolved.status()).as("%s", resolved).isEqualTo(200);
    JsonNode body = resolved.json();
    assertThat(body.path("groupId").asText()).isEqualTo(group.path("id").asText());
    assertThat(body.path("ruleIndex").asInt()).isEqualTo(1);
    assertThat(body.path("facts").path("language").asText()).isEqualTo("de-DE");
    JsonNode affinities = body.path("facts").path("tagAffinities");
    assertThat(affinities.path("THEME:" + cosy.toLowerCase()).asDouble()).isEqualTo(0.5);
    assertThat(affinities.path("THEME:" + eerie.toLowerCase()).asDouble())
        .isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    JsonNode checks = body.path("checks");
    JsonNode last = checks.get(checks.size() - 1);
    assertThat(last.path("matched").asBoolean()).isTrue();
    assertThat(checks.get(checks.size() - 2).path("reason").asText()).contains("app cosy-app-");

    // a precomputed affinity overrides the derived one: now the rule fails and the default wins
    context.put("tagAffinities", Map.of("THEME:" + cosy, 0.1));
    JsonNode fallback =
        as("experimenter").postJson("api/v1/audience-groups/resolve", context).json();
    assertThat(fallback.path("groupId").asText()).isNotEqualTo(group.path("id").asText());
  }

  @Test
  void malformedViewerContextsAre400Problems() {
    assertFieldError(
        as("experimenter").postJson("api/v1/audience-groups/resolve", Map.of("country", "deu")),
        "country");
    assertFieldError(
        as("experimenter")
            .postJson("api/v1/audience-groups/resolve", Map.of("language", "not a tag")),
        "language");
    assertProblem(
        as("experimenter")
            .postJson("api/v1/audience-groups/resolve", Map.of("profileType", "GRANDPARENT")),
        400);
    assertProblem(
        as("experimenter")
            .postJson(
                "api/v1/audience-groups/resolve", Map.of("tagAffinities", Map.of("romance", 0.5))),
        400);
    assertProblem(
        as("experimenter")
            .postJson(
                "api/v1/audience-groups/resolve",
                Map.of("tagAffinities", Map.of("THEME:romance", 1.5))),
        400);
    assertProblem(
        as("experimenter")
            .postJson("api/v1/audience-groups/resolve", Map.of("recentlyWatched", List.of("x"))),
        400);
    assertProblem(as("experimenter").postJson("api/v1/audience-groups/resolve", "{"), 400);
    assertProblem(as("outsider").postJson("api/v1/audience-groups/resolve", Map.of()), 403);
  }

  private String entryWith(String suffix, String theme, Double weight) {
    Map<String, Object> entry = new HashMap<>();
    entry.put("externalId", "aud-" + RUN + "-" + suffix);
    entry.put("kind", "MOVIE");
    entry.put("title", "Audience " + suffix);
    ApiClient.Reply created = as("editor").postJson("api/v1/entries", entry);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String id = created.json().path("id").asText();
    Map<String, Object> tag = new HashMap<>();
    tag.put("kind", "THEME");
    tag.put("value", theme);
    tag.put("weight", weight);
    ApiClient.Reply tagged = as("editor").postJson("api/v1/entries/" + id + "/tags", tag);
    assertThat(tagged.status()).as("%s", tagged).isEqualTo(201);
    return id;
  }

  private List<JsonNode> listAll() {
    List<JsonNode> all = new ArrayList<>();
    String cursor = null;
    do {
      ApiClient.Reply page =
          as("experimenter")
              .get("api/v1/audience-groups?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as("%s", page).isEqualTo(200);
      page.json().path("items").forEach(all::add);
      cursor =
          page.json().path("nextCursor").isMissingNode()
              ? null
              : page.json().path("nextCursor").asText();
    } while (cursor != null);
    return all;
  }
}
