package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Every error Marquee answers is an RFC 9457 problem without internals. */
public final class ProblemAssert {
  private ProblemAssert() {}

  /** Asserts an {@code application/problem+json} answer of this status and returns its body. */
  public static JsonNode assertProblem(ApiClient.Reply reply, int status) {
    assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
    assertThat(reply.contentType())
        .as("content type of %s", reply)
        .startsWith("application/problem+json");
    JsonNode body = reply.json();
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("type").asText()).startsWith("https://marquee.dev/problems/");
    assertThat(body.path("title").asText()).isNotBlank();
    assertThat(reply.text())
        .as("no internals leak")
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("RESTEASY")
        .doesNotContain("org.hibernate");
    return body;
  }

  /** Asserts a 400 problem naming this field among its errors. */
  public static JsonNode assertFieldError(ApiClient.Reply reply, String field) {
    JsonNode body = assertProblem(reply, 400);
    assertThat(body.path("errors").findValuesAsText("field"))
        .as("fields of %s", reply)
        .contains(field);
    return body;
  }
}
