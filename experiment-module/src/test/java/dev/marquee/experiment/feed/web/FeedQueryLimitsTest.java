package dev.marquee.experiment.feed.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fast path's limits against the contract itself (docs/openapi.yaml, read with swagger-parser):
 * if the contract loosens or tightens a limit, this fails until {@link FeedQueryLimits} follows.
 */
class FeedQueryLimitsTest {
  static List<Parameter> parameters;

  @BeforeAll
  static void readContract() throws Exception {
    Path spec = Path.of(System.getProperty("basedir", ".")).resolve("../docs/openapi.yaml");
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    OpenAPI api =
        new OpenAPIV3Parser().readContents(Files.readString(spec), null, options).getOpenAPI();
    parameters = api.getPaths().get("/delivery/feed").getGet().getParameters();
  }

  @Test
  void knowsEveryQueryParameterOfTheContractWithItsLimits() {
    Set<String> seen = new HashSet<>();
    for (Parameter p : parameters) {
      Schema<?> schema = p.getSchema();
      if (p.getIn().equals("header")) {
        assertThat(p.getName()).isEqualTo("If-None-Match");
        assertSameLimit(FeedQueryLimits.IF_NONE_MATCH, schema, p.getName());
        continue;
      }
      seen.add(p.getName());
      if (p.getName().equals(FeedQueryLimits.AFFINITY)) {
        assertThat(schema.getMaxItems()).isEqualTo(FeedQueryLimits.MAX_AFFINITIES);
        assertSameLimit(FeedQueryLimits.AFFINITY_ITEM, schema.getItems(), p.getName());
        continue;
      }
      FeedQueryLimits.Limit limit = FeedQueryLimits.PARAMETERS.get(p.getName());
      assertThat(limit).as(p.getName()).isNotNull();
      assertSameLimit(limit, schema, p.getName());
    }
    Set<String> known = new HashSet<>(FeedQueryLimits.PARAMETERS.keySet());
    known.add(FeedQueryLimits.AFFINITY);
    assertThat(seen).isEqualTo(known);
  }

  private static void assertSameLimit(FeedQueryLimits.Limit limit, Schema<?> schema, String name) {
    assertThat(limit.minLength())
        .as(name + " minLength")
        .isEqualTo(schema.getMinLength() == null ? 0 : schema.getMinLength());
    assertThat(limit.maxLength())
        .as(name + " maxLength")
        .isEqualTo(schema.getMaxLength() == null ? Integer.MAX_VALUE : schema.getMaxLength());
    assertThat(limit.pattern() == null ? null : limit.pattern().pattern())
        .as(name + " pattern")
        .isEqualTo(schema.getPattern());
    Set<String> values =
        schema.getEnum() == null
            ? null
            : new HashSet<>(schema.getEnum().stream().map(Object::toString).toList());
    assertThat(limit.values()).as(name + " enum").isEqualTo(values);
  }

  @Test
  void acceptsAValidQueryAndIgnoresUnknownParameters() {
    assertThat(
            FeedQueryLimits.withinLimits(
                Map.of(
                    "entries", new String[] {"3fa85f64-5717-4562-b3fc-2c963f66afa6"},
                    "country", new String[] {"DE"},
                    "region", new String[] {"US-CA"},
                    "profileType", new String[] {"KIDS"},
                    "affinity", new String[] {"THEME:romance=0.8", "CAST:Cary Grant=1"},
                    "utm_source", new String[] {"a", "b"})))
        .isTrue();
  }

  @Test
  void refusesWhatJaxRsMustJudge() {
    assertThat(FeedQueryLimits.withinLimits(Map.of("entries", new String[] {""}))).isFalse();
    assertThat(FeedQueryLimits.withinLimits(Map.of("entries", new String[] {"a", "b"})))
        .as("repeated single-valued parameter")
        .isFalse();
    assertThat(FeedQueryLimits.withinLimits(Map.of("country", new String[] {"de"}))).isFalse();
    assertThat(FeedQueryLimits.withinLimits(Map.of("profileType", new String[] {"kids"})))
        .isFalse();
    assertThat(FeedQueryLimits.withinLimits(Map.of("row", new String[] {"-home"}))).isFalse();
    assertThat(FeedQueryLimits.withinLimits(Map.of("viewerId", new String[] {"v".repeat(201)})))
        .isFalse();
    assertThat(FeedQueryLimits.withinLimits(Map.of("affinity", new String[] {"ab"}))).isFalse();
    assertThat(
            FeedQueryLimits.withinLimits(
                Map.of(
                    "affinity",
                    java.util.Collections.nCopies(201, "THEME:x=1").toArray(String[]::new))))
        .isFalse();
  }
}
