package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The authorisation matrix, generated from docs/openapi.yaml: every operation that requires a user
 * is called without credentials (401), with an account that has no Marquee role (403), and as each
 * role (403 unless the operation's {@code x-marquee-roles} lists it; otherwise anything but 401,
 * 403 or a server error). A new operation is covered the moment it is in the contract, and one
 * without documented roles fails the test.
 */
@ExtendWith(ArquillianExtension.class)
class AuthorizationMatrixIT {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
  private static final Set<String> USER_SCHEMES = Set.of("basicAuth", "bearerAuth");
  private static final Map<String, String> ROLE_OF_ACCOUNT =
      Map.of(
          "editor", "marquee-editor",
          "experimenter", "marquee-experimenter",
          "publisher", "marquee-publisher",
          "administrator", "marquee-admin");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  /** One operation of the contract, with a request that reaches its role check. */
  record Operation(
      String id,
      String method,
      String path,
      List<String> roles,
      List<JsonNode> parameters,
      JsonNode requestBody) {
    @Override
    public String toString() {
      return method.toUpperCase() + " " + path + " (" + id + ")";
    }
  }

  /**
   * The administrator's call of {@code PUT /holdout} really sets the global holdout (the singleton
   * is at the version the matrix sends); turn it off again so later tests enrol every viewer.
   */
  @AfterEach
  void turnTheHoldoutOffAgain() {
    ApiClient admin = ApiClient.anonymous(base).as("administrator");
    ApiClient.Reply holdout = admin.get("api/v1/holdout");
    admin.putJson("api/v1/holdout", Map.of("share", 0), holdout.header("ETag"));
  }

  @Test
  void everyOperationAnswersEachCallerAsTheContractSays() throws IOException {
    List<Operation> operations = userOperations(contract());
    assertThat(operations).as("operations that require a user").hasSizeGreaterThan(10);

    SoftAssertions softly = new SoftAssertions();
    ApiClient anonymous = ApiClient.anonymous(base);
    for (Operation op : operations) {
      softly
          .assertThat(op.roles())
          .as("%s documents its roles in x-marquee-roles", op)
          .isNotEmpty()
          .allMatch(ROLE_OF_ACCOUNT::containsValue);

      ApiClient.Reply reply = call(anonymous, op);
      softly.assertThat(reply.status()).as("anonymous %s: %s", op, reply).isEqualTo(401);
      softly
          .assertThat(reply.contentType())
          .as("anonymous %s", op)
          .startsWith("application/problem+json");

      reply = call(anonymous.as("outsider"), op);
      softly.assertThat(reply.status()).as("no-role account %s: %s", op, reply).isEqualTo(403);

      for (Map.Entry<String, String> account : ROLE_OF_ACCOUNT.entrySet()) {
        reply = call(anonymous.as(account.getKey()), op);
        if (op.roles().contains(account.getValue())) {
          softly
              .assertThat(reply.status())
              .as("%s is allowed %s: %s", account.getValue(), op, reply)
              .isNotIn(401, 403)
              .isLessThan(500);
        } else {
          softly
              .assertThat(reply.status())
              .as("%s is refused %s: %s", account.getValue(), op, reply)
              .isEqualTo(403);
          softly
              .assertThat(reply.contentType())
              .as("%s refused %s", account.getValue(), op)
              .startsWith("application/problem+json");
        }
      }
    }
    softly.assertAll();
  }

  private static JsonNode contract() throws IOException {
    Path spec = Path.of(System.getProperty("marquee.openapi", "../docs/openapi.yaml"));
    return new ObjectMapper(new YAMLFactory()).readTree(spec.toFile());
  }

  /** Operations whose effective security requirement names a user scheme (basic or bearer). */
  static List<Operation> userOperations(JsonNode api) {
    boolean globalUser = requiresUser(api.path("security"));
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        if (!METHODS.contains(method.getKey())) {
          continue;
        }
        JsonNode op = method.getValue();
        boolean user = op.has("security") ? requiresUser(op.get("security")) : globalUser;
        if (!user) {
          continue;
        }
        List<String> roles = new ArrayList<>();
        op.path("x-marquee-roles").forEach(r -> roles.add(r.asText()));
        List<JsonNode> parameters = new ArrayList<>();
        path.getValue().path("parameters").forEach(p -> parameters.add(resolve(api, p)));
        op.path("parameters").forEach(p -> parameters.add(resolve(api, p)));
        operations.add(
            new Operation(
                op.path("operationId").asText(),
                method.getKey(),
                path.getKey(),
                roles,
                parameters,
                resolve(api, op.path("requestBody"))));
      }
    }
    return operations;
  }

  /** Follows a local {@code $ref} (parameters, request bodies, schemas live in components). */
  private static JsonNode resolve(JsonNode api, JsonNode node) {
    JsonNode ref = node.path("$ref");
    return ref.isTextual() && ref.asText().startsWith("#/")
        ? resolve(api, api.at(ref.asText().substring(1)))
        : node;
  }

  private static boolean requiresUser(JsonNode security) {
    for (JsonNode requirement : security) {
      Iterator<String> schemes = requirement.fieldNames();
      while (schemes.hasNext()) {
        if (USER_SCHEMES.contains(schemes.next())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Calls the operation with placeholder parameters and an empty body of its media type. */
  private static ApiClient.Reply call(ApiClient client, Operation op) {
    String path = op.path();
    StringBuilder query = new StringBuilder();
    List<String[]> headers = new ArrayList<>();
    for (JsonNode parameter : op.parameters()) {
      String name = parameter.path("name").asText();
      String value = placeholder(parameter.path("schema"));
      switch (parameter.path("in").asText()) {
        case "path" -> path = path.replace("{" + name + "}", value);
        case "query" -> {
          if (parameter.path("required").asBoolean()) {
            query.append(query.length() == 0 ? '?' : '&').append(name).append('=').append(value);
          }
        }
        case "header" -> {
          if (parameter.path("required").asBoolean()) {
            headers.add(new String[] {name, name.equalsIgnoreCase("If-Match") ? "\"0\"" : value});
          }
        }
        default -> {}
      }
    }
    HttpRequest.Builder request = client.request("api/v1" + path + query);
    headers.forEach(h -> request.header(h[0], h[1]));
    JsonNode content = op.requestBody().path("content");
    if (content.isObject() && content.size() > 0) {
      String mediaType = content.fieldNames().next();
      byte[] body = mediaType.contains("json") ? "{}".getBytes() : new byte[0];
      request.header(
          "Content-Type",
          mediaType.startsWith("multipart/") ? mediaType + "; boundary=matrix" : mediaType);
      request.method(op.method().toUpperCase(), HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      request.method(op.method().toUpperCase(), HttpRequest.BodyPublishers.noBody());
    }
    return client.send(request);
  }

  private static String placeholder(JsonNode schema) {
    if ("uuid".equals(schema.path("format").asText())) {
      return UUID.randomUUID().toString();
    }
    return switch (schema.path("type").asText()) {
      case "integer", "number" -> "1";
      case "boolean" -> "true";
      default -> "matrix-probe";
    };
  }
}
