package dev.marquee.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditEvent;
import dev.marquee.audit.AuditQuery;
import dev.marquee.audit.AuditTarget;
import dev.marquee.catalog.CatalogEntry;
import dev.marquee.catalog.EntryDraft;
import dev.marquee.catalog.EntryKind;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceConflictException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.paging.Page;
import dev.marquee.testing.BothDatabases;
import dev.marquee.testing.TestDatabase;
import dev.marquee.testing.TestServices;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

class TaggingServiceTest {
  private static final String ED = "editor";

  private static UUID entry(TestServices s, String externalId) {
    return s.tx(() -> s.catalog.create(EntryDraft.of(externalId, EntryKind.MOVIE, externalId), ED))
        .getId();
  }

  @BothDatabases
  void tagsRetagsAndUntagsAnEntry(TestDatabase db) {
    TestServices s = new TestServices(db);
    UUID kb = entry(s, "kb");
    EntryTag first =
        s.tx(() -> s.tagging.tag(kb, TagRef.parse("cast: Uma Thurman ", "tag"), 0.5, null, ED));
    s.tx(
        () ->
            s.tagging.tag(
                kb, TagRef.parse("EMOTION:revenge", "tag"), null, TagSource.SUGGESTED, ED));
    // same term in another case: re-tag updates, no second vocabulary term
    s.tx(
        () ->
            s.tagging.tag(kb, new TagRef(TagKind.CAST, "UMA THURMAN"), 0.8, TagSource.MANUAL, ED));

    List<EntryTag> tags = s.tx(() -> s.tagging.tagsOf(kb));
    assertThat(tags)
        .extracting(
            l -> l.getTag().getKind(),
            l -> l.getTag().getValue(),
            EntryTag::getWeight,
            EntryTag::getSource)
        .containsExactly(
            tuple(TagKind.CAST, "Uma Thurman", 0.8, TagSource.MANUAL),
            tuple(TagKind.EMOTION, "revenge", null, TagSource.SUGGESTED));
    assertThat(tags.get(0).getId()).isEqualTo(first.getId());
    assertThat(s.tx(() -> s.vocabulary.list(null, null, null, null)).items()).hasSize(2);

    assertThatThrownBy(
            () -> s.tx(() -> s.tagging.tag(kb, new TagRef(TagKind.CAST, "x"), 1.5, null, ED)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> TagRef.parse("MOOD:happy", "tag"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                s.tx(
                    () ->
                        s.tagging.tag(
                            UUID.randomUUID(), new TagRef(TagKind.CAST, "x"), null, null, ED)))
        .isInstanceOf(ResourceNotFoundException.class);

    UUID uma = first.getTag().getId();
    s.tx(
        () -> {
          s.tagging.untag(kb, uma, ED);
          return null;
        });
    assertThat(s.tx(() -> s.tagging.tagsOf(kb))).hasSize(1);
    assertThat(s.tx(() -> s.vocabulary.get(uma)).usageCount()).isZero();
    assertThat(
            s.tx(
                    () ->
                        s.audit.query(
                            AuditQuery.forTarget(AuditTarget.ENTRY, kb.toString()), null, null))
                .items())
        .extracting(AuditEvent::getAction)
        .containsExactly(
            AuditAction.ENTRY_UNTAGGED,
            AuditAction.ENTRY_TAGGED,
            AuditAction.ENTRY_TAGGED,
            AuditAction.ENTRY_TAGGED,
            AuditAction.ENTRY_CREATED);
  }

  @BothDatabases
  void listsTheVocabularyWithUsageCountsAndPages(TestDatabase db) {
    TestServices s = new TestServices(db);
    UUID a = entry(s, "a");
    UUID b = entry(s, "b");
    s.tx(() -> s.tagging.tag(a, new TagRef(TagKind.CAST, "Uma Thurman"), null, null, ED));
    s.tx(() -> s.tagging.tag(b, new TagRef(TagKind.CAST, "Uma Thurman"), null, null, ED));
    s.tx(() -> s.tagging.tag(a, new TagRef(TagKind.CAST, "Lucy Liu"), null, null, ED));
    s.tx(() -> s.tagging.tag(a, new TagRef(TagKind.THEME, "Underdog_100%"), null, null, ED));
    for (int i = 0; i < 7; i++) {
      int n = i;
      s.tx(() -> s.vocabulary.create(new TagRef(TagKind.SETTING, "Place " + n), ED));
    }
    assertThatThrownBy(
            () -> s.tx(() -> s.vocabulary.create(new TagRef(TagKind.SETTING, "PLACE 3"), ED)))
        .isInstanceOf(ResourceConflictException.class);

    assertThat(s.tx(() -> s.vocabulary.list(TagKind.CAST, null, null, null)).items())
        .extracting(u -> u.tag().getValue(), TagUsage::usageCount)
        .containsExactly(tuple("Lucy Liu", 1L), tuple("Uma Thurman", 2L));
    assertThat(s.tx(() -> s.vocabulary.list(null, "UMA", null, null)).items()).hasSize(1);
    assertThat(s.tx(() -> s.vocabulary.list(null, "underdog_1", null, null)).items()).hasSize(1);
    assertThat(s.tx(() -> s.vocabulary.list(null, "underdog_%", null, null)).items()).isEmpty();

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      String c = cursor;
      Page<TagUsage> page = s.tx(() -> s.vocabulary.list(TagKind.SETTING, null, c, 3));
      page.items().forEach(u -> seen.add(u.tag().getValue()));
      cursor = page.nextCursor();
    } while (cursor != null);
    assertThat(seen)
        .containsExactly(
            "Place 0", "Place 1", "Place 2", "Place 3", "Place 4", "Place 5", "Place 6");
  }

  @BothDatabases
  void renamesButRefusesToRenameOntoAnExistingTerm(TestDatabase db) {
    TestServices s = new TestServices(db);
    UUID a = entry(s, "a");
    EntryTag link =
        s.tx(() -> s.tagging.tag(a, new TagRef(TagKind.CAST, "uma thurman"), null, null, ED));
    UUID id = link.getTag().getId();
    s.tx(() -> s.vocabulary.create(new TagRef(TagKind.CAST, "Lucy Liu"), ED));

    assertThat(s.tx(() -> s.vocabulary.rename(id, "Uma Thurman", ED)).getValue())
        .isEqualTo("Uma Thurman");
    assertThat(s.tx(() -> s.tagging.tagsOf(a)).get(0).getTag().getValue()).isEqualTo("Uma Thurman");
    assertThatThrownBy(() -> s.tx(() -> s.vocabulary.rename(id, "LUCY LIU", ED)))
        .isInstanceOf(ResourceConflictException.class)
        .hasMessageContaining("use merge");
    assertThat(
            s.tx(
                    () ->
                        s.audit.query(
                            AuditQuery.forTarget(AuditTarget.TAG, id.toString()), null, null))
                .items())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getAction()).isEqualTo(AuditAction.TAG_RENAMED);
              assertThat(e.getDetails())
                  .contains("\"before\":\"uma thurman\"", "\"after\":\"Uma Thurman\"");
            });
  }

  @BothDatabases
  void mergesMovingLinksAndCollapsingDuplicatesKeepingTheHigherWeight(TestDatabase db) {
    TestServices s = new TestServices(db);
    UUID a = entry(s, "a");
    UUID b = entry(s, "b");
    UUID c = entry(s, "c");
    UUID typo =
        s.tx(() -> s.tagging.tag(a, new TagRef(TagKind.CAST, "Uma Thurmann"), 0.9, null, ED))
            .getTag()
            .getId();
    s.tx(() -> s.tagging.tag(b, new TagRef(TagKind.CAST, "Uma Thurmann"), 0.2, null, ED));
    UUID right =
        s.tx(() -> s.tagging.tag(a, new TagRef(TagKind.CAST, "Uma Thurman"), 0.4, null, ED))
            .getTag()
            .getId();
    s.tx(() -> s.tagging.tag(c, new TagRef(TagKind.CAST, "Uma Thurman"), null, null, ED));

    TagUsage merged = s.tx(() -> s.vocabulary.merge(typo, right, ED));

    assertThat(merged.usageCount()).isEqualTo(3);
    assertThatThrownBy(() -> s.tx(() -> s.vocabulary.get(typo)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(s.tx(() -> s.tagging.tagsOf(a)))
        .singleElement()
        .satisfies(l -> assertThat(l.getWeight()).isEqualTo(0.9));
    assertThat(s.tx(() -> s.tagging.tagsOf(b)))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.getTag().getId()).isEqualTo(right);
              assertThat(l.getWeight()).isEqualTo(0.2);
            });
    assertThat(
            s.tx(
                    () ->
                        s.catalog.list(
                            dev.marquee.catalog.EntryFilter.all()
                                .withTag(TagRef.parse("CAST:uma thurman", "tag")),
                            null,
                            null,
                            null))
                .items())
        .extracting(CatalogEntry::getId)
        .containsExactlyInAnyOrder(a, b, c);
    assertThat(
            s.tx(
                    () ->
                        s.audit.query(
                            new AuditQuery(null, null, null, AuditAction.TAG_MERGED, null, null),
                            null,
                            null))
                .items())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getDetails())
                    .contains("\"linksMoved\":1", "\"duplicatesCollapsed\":1"));
  }
}
