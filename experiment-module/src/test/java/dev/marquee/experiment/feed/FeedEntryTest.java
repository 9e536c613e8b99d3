package dev.marquee.experiment.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedEntryTest {
  /** An entry in a catalog of its own, asked as the feed asks it. */
  record Titled(FeedEntry entry, FeedSnapshot.Catalog catalog) {
    String titleIn(String language) {
      // new String: a request's language is never the catalog's instance
      return entry.titleIn(catalog.titleLanguage(language == null ? null : new String(language)));
    }
  }

  static FeedEntry entry(Map<String, String> titles, Map<String, String> instances) {
    return new FeedEntry(
        UUID.randomUUID(),
        "e",
        "Main",
        titles,
        false,
        null,
        Map.of(),
        tag -> instances.computeIfAbsent(tag, t -> t));
  }

  static Titled entry(Map<String, String> titles) {
    Map<String, String> instances = new HashMap<>();
    FeedEntry e = entry(titles, instances);
    return new Titled(e, new FeedSnapshot.Catalog(Map.of(), Map.of(), Map.copyOf(instances)));
  }

  @Test
  void exactTagThenPrimaryLanguageThenMainTitle() {
    Titled e = entry(Map.of("de", "Titel", "pt-BR", "Título", "fr-CA", "Titre"));

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
    Titled e = entry(Map.of("de", "Titel", "en-GB", "Title"));

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
  void entriesSharingTheCatalogsInstancesEachFindTheirOwnTitle() {
    // the feed compares the catalog's string instances by identity; one catalog's entries share
    // them, and each must still answer what it answers in a catalog of its own, for every request
    // language, including ones no title is in
    List<Map<String, String>> titles =
        List.of(
            Map.of("de", "Titel", "pt-BR", "Título", "fr-CA", "Titre"),
            Map.of("pt-PT", "Portugal", "pt", "Português", "pt-BR", "Brasil"),
            Map.of("en-GB", "Title"),
            Map.of());
    Map<String, String> instances = new HashMap<>();
    List<FeedEntry> entries = titles.stream().map(t -> entry(t, instances)).toList();
    Titled shared =
        new Titled(null, new FeedSnapshot.Catalog(Map.of(), Map.of(), Map.copyOf(instances)));

    for (String language :
        new String[] {
          "de", "de-AT", "pt-BR", "pt-PT", "pt-AO", "pt", "FR", "fr-CA", "en", "en-US", "ja-JP",
          "d", "e-GB", null
        }) {
      for (int i = 0; i < entries.size(); i++) {
        assertThat(new Titled(entries.get(i), shared.catalog()).titleIn(language))
            .as("%s for %s", language, titles.get(i))
            .isEqualTo(entry(titles.get(i)).titleIn(language));
      }
    }
    assertThat(new Titled(entries.get(0), shared.catalog()).titleIn("de-AT")).isEqualTo("Titel");
    assertThat(new Titled(entries.get(1), shared.catalog()).titleIn("pt-AO"))
        .isEqualTo("Português");
  }
}
