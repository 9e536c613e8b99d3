package dev.marquee.experiment.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedEntryTest {
  static FeedEntry entry(Map<String, String> titles) {
    return new FeedEntry(UUID.randomUUID(), "e", "Main", titles, false, null, Map.of());
  }

  @Test
  void exactTagThenPrimaryLanguageThenMainTitle() {
    FeedEntry e = entry(Map.of("de", "Titel", "pt-BR", "Título", "fr-CA", "Titre"));

    assertThat(e.titleIn("de")).isEqualTo("Titel");
    assertThat(e.titleIn("de-AT")).as("primary language of the request").isEqualTo("Titel");
    assertThat(e.titleIn("pt-BR")).isEqualTo("Título");
    assertThat(e.titleIn("pt-PT")).as("primary language of the stored tag").isEqualTo("Título");
    assertThat(e.titleIn("FR")).as("subtags compare case-insensitively").isEqualTo("Titre");
    assertThat(e.titleIn("en-US")).isEqualTo("Main");
    assertThat(e.titleIn(null)).isEqualTo("Main");
  }

  @Test
  void aPrimaryLanguageMatchesWholeSubtagsOnly() {
    FeedEntry e = entry(Map.of("de", "Titel", "en-GB", "Title"));

    assertThat(e.titleIn("d")).isEqualTo("Main");
    assertThat(e.titleIn("deu")).isEqualTo("Main");
    assertThat(e.titleIn("e-GB")).isEqualTo("Main");
    assertThat(e.titleIn("en")).isEqualTo("Title");
    assertThat(entry(Map.of()).titleIn("de")).isEqualTo("Main");
  }

  @Test
  void ofSeveralTitlesInOnePrimaryLanguageTheBareLanguageThenTheFirstTagWins() {
    // Map.copyOf iterates in an order that changes from one JVM to the next: the choice must not
    assertThat(
            entry(Map.of("pt-PT", "Portugal", "pt", "Português", "pt-BR", "Brasil"))
                .titleIn("pt-AO"))
        .isEqualTo("Português");
    assertThat(entry(Map.of("pt-PT", "Portugal", "pt-BR", "Brasil")).titleIn("pt-AO"))
        .isEqualTo("Brasil");
    assertThat(entry(Map.of("pt-PT", "Portugal", "pt-BR", "Brasil")).titleIn("pt-PT"))
        .as("the exact tag first")
        .isEqualTo("Portugal");
  }
}
