package dev.marquee.integration;

import dev.marquee.catalog.EntryDraft;
import dev.marquee.tagging.TagRef;
import java.util.List;

/** What a host CMS's webhook asks the catalog to do. */
public sealed interface CatalogChange {
  /**
   * Create or update the entry with the draft's external id.
   *
   * @param tags the entry's IMPORTED tags, or null to leave its tags alone
   */
  record Upsert(EntryDraft draft, List<TagRef> tags) implements CatalogChange {}

  /** Archive the entry with this external id. */
  record Archive(String externalId) implements CatalogChange {}
}
