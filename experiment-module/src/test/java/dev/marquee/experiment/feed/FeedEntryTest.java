package dev.marquee.experiment.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
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
    assertThat(e.titleIn((String) null)).isEqualTo("Main");
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

  @Test
  void theCatalogsLanguageFindsWhatTheTagFinds() {
    // the feed's path compares the catalog's string instances by identity; it must agree with the
    // plain lookup for every request language, including ones no title is in
    Map<String, String> instances = new HashMap<>();
    List<FeedEntry> entries =
        List.of(
                Map.of("de", "Titel", "pt-BR", "Título", "fr-CA", "Titre"),
                Map.of("pt-PT", "Portugal", "pt", "Português", "pt-BR", "Brasil"),
                Map.of("en-GB", "Title"),
                Map.<String, String>of())
            .stream()
            .map(
                titles ->
                    new FeedEntry(
                        UUID.randomUUID(),
                        "e",
                        "Main",
                        titles,
                        false,
                        null,
                        Map.of(),
                        tag -> instances.computeIfAbsent(tag, t -> t)))
            .toList();
    FeedSnapshot.Catalog catalog =
        new FeedSnapshot.Catalog(Map.of(), Map.of(), Map.copyOf(instances));

    for (String language :
        new String[] {
          "de", "de-AT", "pt-BR", "pt-PT", "pt-AO", "pt", "FR", "fr-CA", "en", "en-US", "ja-JP",
          "d", "e-GB", null
        }) {
      // new String: a request's language is never the catalog's instance
      String asSent = language == null ? null : new String(language);
      for (FeedEntry e : entries) {
        assertThat(e.titleIn(catalog.titleLanguage(asSent)))
            .as("%s for %s", language, e.localizedTitles())
            .isEqualTo(e.titleIn(asSent));
      }
    }
    assertThat(entries.get(0).titleIn(catalog.titleLanguage("de-AT"))).isEqualTo("Titel");
    assertThat(entries.get(1).titleIn(catalog.titleLanguage("pt-AO"))).isEqualTo("Português");
  }
}
