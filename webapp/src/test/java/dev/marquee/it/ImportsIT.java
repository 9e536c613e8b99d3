package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bulk import of JSON and CSV through the deployed API. */
@ExtendWith(ArquillianExtension.class)
class ImportsIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String HEADER =
      "externalId,kind,parentExternalId,title,synopsis,genres,maturityScheme,maturityValue,"
          + "maturityMinimumAge,releaseYear,localizedTitles,cast,tags\n";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  private ApiClient editor() {
    return ApiClient.anonymous(base).as("editor");
  }

  private ApiClient.Reply importCsv(String csv) {
    return editor()
        .send(
            editor()
                .request("api/v1/imports/entries")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
  }

  @Test
  void csvImportUpsertsByExternalIdReportsBadRowsAndIsIdempotent() {
    String csv =
        HEADER
            + RUN
            + "-s,SERIES,,Series "
            + RUN
            + ",A series,comedy|family,TV,TV-G,0,1962,de=Serie,\"Buddy Ebsen;Jed;hero\",THEME:comedy|CAST:Buddy Ebsen\n"
            + RUN
            + "-e,EPISODE,"
            + RUN
            + "-s,Pilot "
            + RUN
            + ",,comedy,TV,TV-G,0,1962,,,\n"
            + RUN
            + "-bad,MOVIE,,,no title,,,,,1700,,,\n";
    ApiClient.Reply first = importCsv(csv);
    assertThat(first.status()).as("%s", first).isEqualTo(200);
    JsonNode report = first.json();
    assertThat(report.path("total").asInt()).isEqualTo(3);
    assertThat(report.path("created").asInt()).isEqualTo(2);
    assertThat(report.path("failed").asInt()).isEqualTo(1);
    assertThat(report.path("errors").findValuesAsText("field")).contains("title", "releaseYear");
    assertThat(report.path("errors").get(0).path("row").asInt()).isEqualTo(3);

    JsonNode again = importCsv(csv).json();
    assertThat(again.path("created").asInt()).isZero();
    assertThat(again.path("updated").asInt()).isZero();
    assertThat(again.path("unchanged").asInt()).isEqualTo(2);

    JsonNode series =
        editor()
            .get("api/v1/entries?q=" + URLEncoder.encode("Series " + RUN, StandardCharsets.UTF_8))
            .json();
    assertThat(series.path("items").get(0).path("version").asLong()).isZero();
    assertThat(series.path("items").get(0).path("tags").findValuesAsText("source"))
        .containsOnly("IMPORTED");
  }

  @Test
  void jsonImportUsesTheEntryFields() {
    List<Map<String, Object>> rows =
        List.of(
            Map.of(
                "externalId",
                RUN + "-j1",
                "kind",
                "MOVIE",
                "title",
                "Json " + RUN,
                "maturityRating",
                Map.of("scheme", "MPAA", "value", "PG", "minimumAge", 10),
                "tags",
                List.of("THEME:romance", "CAST:Cary Grant")));
    ApiClient.Reply reply = editor().postJson("api/v1/imports/entries", rows);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().path("created").asInt()).isEqualTo(1);
    JsonNode found = editor().get("api/v1/entries?tag=CAST:Cary%20Grant&q=" + RUN).json();
    assertThat(found.path("items").findValuesAsText("externalId")).containsExactly(RUN + "-j1");
  }

  @Test
  void structuralProblemsRejectTheWholeFileAndWriteNothing() {
    assertProblem(importCsv("externalId,title\n" + RUN + "-m,Missing kind\n"), 400);
    JsonNode delimiter =
        assertProblem(
            importCsv(HEADER.replace(',', ';') + RUN + "-d;MOVIE;;Semicolons;;;;;;;;;\n"), 400);
    assertThat(delimiter.path("detail").asText()).contains("semicolons");
    JsonNode duplicates =
        assertProblem(
            importCsv(HEADER + RUN + "-x,MOVIE,,One,,,,,,,,,\n" + RUN + "-x,MOVIE,,Two,,,,,,,,,\n"),
            400);
    assertThat(duplicates.toString()).contains(RUN + "-x");
    assertProblem(editor().postJson("api/v1/imports/entries", "[{\"externalId\": "), 400);
    assertThat(
            editor()
                .get(
                    "api/v1/entries?q="
                        + URLEncoder.encode("One", StandardCharsets.UTF_8)
                        + "&limit=200")
                .json()
                .path("items")
                .findValuesAsText("externalId"))
        .doesNotContain(RUN + "-x");
  }

  @Test
  void importNeedsTheEditorRoleAndASupportedType() {
    assertProblem(
        ApiClient.anonymous(base).as("experimenter").postJson("api/v1/imports/entries", "[]"), 403);
    ApiClient.Reply xml =
        editor()
            .send(
                editor()
                    .request("api/v1/imports/entries")
                    .header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofString("<x/>")));
    assertProblem(xml, 415);
  }
}
