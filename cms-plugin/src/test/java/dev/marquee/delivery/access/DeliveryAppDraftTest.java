package dev.marquee.delivery.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryAppDraftTest {

  @Test
  void originsAreNormalisedAsBrowsersSendThem() {
    assertThat(DeliveryAppDraft.normalizeOrigin("https://App.Example.com"))
        .isEqualTo("https://app.example.com");
    assertThat(DeliveryAppDraft.normalizeOrigin("HTTPS://app.example.com:443"))
        .isEqualTo("https://app.example.com");
    assertThat(DeliveryAppDraft.normalizeOrigin("http://localhost:5173"))
        .isEqualTo("http://localhost:5173");
    assertThat(DeliveryAppDraft.normalizeOrigin("http://tv.example.com:80"))
        .isEqualTo("http://tv.example.com");
    assertThat(DeliveryAppDraft.normalizeOrigin("https://app.example.com:8443"))
        .isEqualTo("https://app.example.com:8443");
  }

  @Test
  void nonOriginsAreRejected() {
    for (String bad :
        List.of(
            "",
            "*",
            "app.example.com",
            "ftp://app.example.com",
            "https://app.example.com/",
            "https://app.example.com/path",
            "https://app.example.com?q=1",
            "https://user@app.example.com",
            "https://",
            "null",
            "https://" + "a".repeat(300) + ".com")) {
      assertThat(DeliveryAppDraft.normalizeOrigin(bad)).as(bad).isNull();
    }
  }

  @Test
  void defaultsApplyAndDuplicatesCollapse() {
    DeliveryAppDraft valid =
        new DeliveryAppDraft(
                "  TV ",
                " ",
                List.of("https://tv.example.com", "https://TV.example.com:443"),
                null,
                null,
                null)
            .validated();
    assertThat(valid.name()).isEqualTo("TV");
    assertThat(valid.description()).isNull();
    assertThat(valid.allowedOrigins()).containsExactly("https://tv.example.com");
    assertThat(valid.requestsPerSecond()).isEqualTo(DeliveryAppDraft.DEFAULT_RATE);
    assertThat(valid.burst()).isEqualTo(DeliveryAppDraft.DEFAULT_BURST);
    assertThat(valid.enabled()).isTrue();
  }

  @Test
  void everyBrokenRuleIsReportedByField() {
    assertThatThrownBy(
            () ->
                new DeliveryAppDraft(
                        "", null, List.of("https://ok.example.com", "https://x/y"), 0, 0, true)
                    .validated())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly(
                        "name",
                        "allowedOrigins[1]",
                        "rateLimit.requestsPerSecond",
                        "rateLimit.burst"));
  }
}
