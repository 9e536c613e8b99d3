package dev.marquee.demo;

import dev.marquee.tagging.EngagementTag;
import dev.marquee.tagging.EntryTag;
import dev.marquee.tagging.TagRef;
import dev.marquee.tagging.TaggingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Finds the demo entries' engagement tags by {@code KIND:value}. */
@ApplicationScoped
class DemoTags {
  @Inject TaggingService tagging;

  /**
   * @throws IllegalStateException when the entry lacks the tag (setup.json and catalog.json
   *     disagree, which DemoPlanTest rules out)
   */
  @Transactional
  UUID idOf(UUID entryId, TagRef ref) {
    return tagging.tagsOf(entryId).stream()
        .map(EntryTag::getTag)
        .filter(
            t -> t.getKind() == ref.kind() && t.getNormalizedValue().equals(ref.normalizedValue()))
        .map(EngagementTag::getId)
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("demo entry " + entryId + " has no tag " + ref));
  }
}
