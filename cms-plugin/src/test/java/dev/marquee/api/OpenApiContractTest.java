package dev.marquee.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Holds docs/openapi.yaml to the documentation and security rules every operation must follow: the
 * generator only checks that the document is valid OpenAPI, this checks that it is a usable
 * contract.
 */
class OpenApiContractTest {

  static final Set<String> ROLES =
      Set.of("marquee-editor", "marquee-experimenter", "marquee-publisher", "marquee-admin");
  static final String PROBLEM_JSON = "application/problem+json";
  static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
  static final String API_KEY = "ApiKey";

  @Test
  void everyOperationIsDocumentedSecuredAndReportsProblems() throws IOException {
    Path spec = Path.of(System.getProperty("basedir", ".")).resolve("../docs/openapi.yaml");
    SwaggerParseResult result = parse(Files.readString(spec));

    assertThat(result.getMessages()).as("parser messages").isEmpty();
    OpenAPI api = result.getOpenAPI();
    assertThat(api.getComponents().getSecuritySchemes())
        .containsKeys("basicAuth", "bearerAuth", API_KEY);
    assertThat(api.getSecurity()).as("global security requirement").isNotEmpty();
    assertThat(api.getPaths()).isNotEmpty();
    assertThat(violations(api)).isEmpty();
  }

  @Test
  void reportsOperationsThatBreakTheRules() {
    String broken =
        """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        security: [{basicAuth: []}]
        paths:
          /things/{id}:
            put:
              operationId: putThing
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                - {name: If-Match, in: header, required: true, schema: {type: string}}
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: object}
                '404':
                  description: missing
                  content:
                    application/json:
                      schema: {type: object}
          /hook:
            post:
              operationId: hook
              summary: s
              description: d
              x-marquee-roles: []
              responses:
                '204': {description: done}
          /delivery/thing:
            get:
              operationId: getThing
              summary: s
              description: d
              security: [{ApiKey: []}]
              x-marquee-roles: [marquee-admin]
              responses:
                '204': {description: done}
        components:
          securitySchemes:
            basicAuth: {type: http, scheme: basic}
            ApiKey: {type: apiKey, in: header, name: X-Api-Key}
        """;

    List<String> found = violations(parse(broken).getOpenAPI());

    assertThat(found)
        .anyMatch(v -> v.contains("PUT /things/{id}") && v.contains("no summary"))
        .anyMatch(v -> v.contains("no description"))
        .anyMatch(v -> v.contains("x-marquee-roles"))
        .anyMatch(v -> v.contains("request body application/json has no example"))
        .anyMatch(v -> v.contains("response 200 application/json has no example"))
        .anyMatch(v -> v.contains("no 400"))
        .anyMatch(v -> v.contains("no 401"))
        .anyMatch(v -> v.contains("no 403"))
        .anyMatch(v -> v.contains("no 412"))
        .anyMatch(v -> v.contains("no 428"))
        .anyMatch(v -> v.contains("response 404") && v.contains(PROBLEM_JSON))
        .anyMatch(v -> v.contains("POST /hook") && v.contains("security: []"))
        .anyMatch(v -> v.contains("GET /delivery/thing") && v.contains("x-marquee-roles: []"))
        .anyMatch(v -> v.contains("GET /delivery/thing") && v.contains("no 401"))
        .anyMatch(v -> v.contains("GET /delivery/thing") && v.contains("no 429"))
        .noneMatch(v -> v.contains("GET /delivery/thing") && v.contains("no 403"));
  }

  @Test
  void examplesDeserialiseIntoTheGeneratedModels() throws Exception {
    Path spec = Path.of(System.getProperty("basedir", ".")).resolve("../docs/openapi.yaml");
    OpenAPI api = parse(Files.readString(spec)).getOpenAPI();
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    List<String> checked = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (var path : api.getPaths().entrySet()) {
      for (var op : path.getValue().readOperationsMap().entrySet()) {
        String name = op.getKey() + " " + path.getKey();
        Map<String, MediaType> media = new java.util.LinkedHashMap<>();
        if (op.getValue().getRequestBody() != null
            && op.getValue().getRequestBody().getContent() != null) {
          op.getValue()
              .getRequestBody()
              .getContent()
              .forEach((t, m) -> media.put("request " + t, m));
        }
        op.getValue()
            .getResponses()
            .forEach(
                (code, r) -> {
                  ApiResponse response = deref(api, r);
                  if (response.getContent() != null) {
                    response.getContent().forEach((t, m) -> media.put(code + " " + t, m));
                  }
                });
        for (var entry : media.entrySet()) {
          MediaType m = entry.getValue();
          if (m.getSchema() == null || m.getSchema().get$ref() == null) {
            continue;
          }
          Class<?> model = modelClass(lastSegment(m.getSchema().get$ref()));
          if (model == null) {
            continue;
          }
          List<Object> values = new ArrayList<>();
          if (m.getExample() != null) {
            values.add(m.getExample());
          }
          if (m.getExamples() != null) {
            m.getExamples()
                .values()
                .forEach(
                    e ->
                        values.add(
                            e.get$ref() == null
                                ? e.getValue()
                                : api.getComponents()
                                    .getExamples()
                                    .get(lastSegment(e.get$ref()))
                                    .getValue()));
          }
          for (Object value : values) {
            String where = name + " " + entry.getKey() + " as " + model.getSimpleName();
            try {
              Object dto = mapper.convertValue(value, model);
              mapper.writeValueAsString(dto);
              checked.add(where);
            } catch (IllegalArgumentException e) {
              failures.add(where + ": " + e.getMessage());
            }
          }
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).hasSizeGreaterThan(20);
  }

  private static Class<?> modelClass(String schemaName) {
    try {
      return Class.forName("dev.marquee.api.model." + schemaName);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  static SwaggerParseResult parse(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    return new OpenAPIV3Parser().readContents(yaml, null, options);
  }

  /** Every rule broken by every operation, one line each. */
  static List<String> violations(OpenAPI api) {
    List<String> out = new ArrayList<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, op) -> check(api, method + " " + path, item, op, out::add)));
    return out;
  }

  private static void check(
      OpenAPI api,
      String name,
      PathItem item,
      Operation op,
      java.util.function.Consumer<String> v) {
    if (isBlank(op.getSummary())) {
      v.accept(name + ": no summary");
    }
    if (isBlank(op.getDescription())) {
      v.accept(name + ": no description");
    }

    boolean unauthenticated = op.getSecurity() != null && op.getSecurity().isEmpty();
    // delivery operations: a per-app API key, no user and so no roles, and a per-app rate limit
    boolean apiKeyOnly =
        op.getSecurity() != null
            && !op.getSecurity().isEmpty()
            && op.getSecurity().stream().allMatch(r -> r.keySet().equals(Set.of(API_KEY)));
    boolean secured =
        !unauthenticated
            && !apiKeyOnly
            && ((op.getSecurity() != null)
                || (api.getSecurity() != null && !api.getSecurity().isEmpty()));
    Object roles = op.getExtensions() == null ? null : op.getExtensions().get("x-marquee-roles");
    if (!(roles instanceof List<?> roleList)) {
      v.accept(name + ": no x-marquee-roles list");
    } else if (apiKeyOnly) {
      if (!roleList.isEmpty()) {
        v.accept(name + ": an " + API_KEY + " operation has no user, so x-marquee-roles: []");
      }
    } else if (roleList.isEmpty() && !unauthenticated) {
      v.accept(name + ": empty x-marquee-roles requires security: []");
    } else if (!roleList.isEmpty() && unauthenticated) {
      v.accept(name + ": security: [] must come with an empty x-marquee-roles");
    } else {
      roleList.stream()
          .filter(r -> !ROLES.contains(r))
          .forEach(r -> v.accept(name + ": unknown role in x-marquee-roles: " + r));
    }

    List<Parameter> parameters = new ArrayList<>();
    if (item.getParameters() != null) {
      item.getParameters().forEach(p -> parameters.add(deref(api, p)));
    }
    if (op.getParameters() != null) {
      op.getParameters().forEach(p -> parameters.add(deref(api, p)));
    }
    RequestBody body = op.getRequestBody();
    if (body != null && body.get$ref() != null) {
      body = api.getComponents().getRequestBodies().get(lastSegment(body.get$ref()));
    }
    if (body != null) {
      if (body.getContent() == null || body.getContent().isEmpty()) {
        v.accept(name + ": request body has no content");
      } else {
        body.getContent()
            .forEach(
                (type, media) -> {
                  if (!hasExample(media)) {
                    v.accept(name + ": request body " + type + " has no example");
                  }
                });
      }
    }

    Map<String, ApiResponse> responses = op.getResponses() == null ? Map.of() : op.getResponses();
    boolean takesInput = body != null || !parameters.isEmpty();
    require(responses, takesInput, "400", name, v);
    require(responses, secured, "401", name, v);
    require(responses, secured, "403", name, v);
    require(responses, apiKeyOnly, "401", name, v);
    require(responses, apiKeyOnly, "429", name, v);
    Parameter ifMatch =
        parameters.stream()
            .filter(p -> "If-Match".equalsIgnoreCase(p.getName()))
            .findFirst()
            .orElse(null);
    require(responses, ifMatch != null, "412", name, v);
    require(
        responses, ifMatch != null && Boolean.TRUE.equals(ifMatch.getRequired()), "428", name, v);

    if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
      v.accept(name + ": no success response");
    }
    responses.forEach(
        (code, declared) -> {
          ApiResponse response = deref(api, declared);
          Map<String, MediaType> content =
              response.getContent() == null ? Map.of() : response.getContent();
          if (code.startsWith("2")) {
            content.forEach(
                (type, media) -> {
                  if (!hasExample(media)) {
                    v.accept(name + ": response " + code + " " + type + " has no example");
                  }
                });
          } else if (code.startsWith("4") || code.startsWith("5")) {
            MediaType problem = content.get(PROBLEM_JSON);
            if (content.size() != 1
                || problem == null
                || problem.getSchema() == null
                || !PROBLEM_SCHEMA.equals(problem.getSchema().get$ref())) {
              v.accept(
                  name
                      + ": response "
                      + code
                      + " must be "
                      + PROBLEM_JSON
                      + " with the Problem schema");
            }
          }
        });
  }

  private static void require(
      Map<String, ApiResponse> responses,
      boolean needed,
      String code,
      String name,
      java.util.function.Consumer<String> v) {
    if (needed && !responses.containsKey(code)) {
      v.accept(name + ": no " + code + " response");
    }
  }

  private static boolean hasExample(MediaType media) {
    return media.getExample() != null
        || (media.getExamples() != null && !media.getExamples().isEmpty());
  }

  private static Parameter deref(OpenAPI api, Parameter p) {
    return p.get$ref() == null
        ? p
        : api.getComponents().getParameters().get(lastSegment(p.get$ref()));
  }

  private static ApiResponse deref(OpenAPI api, ApiResponse r) {
    return r.get$ref() == null
        ? r
        : api.getComponents().getResponses().get(lastSegment(r.get$ref()));
  }

  private static String lastSegment(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
