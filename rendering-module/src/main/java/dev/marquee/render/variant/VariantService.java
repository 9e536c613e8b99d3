package dev.marquee.render.variant;

import dev.marquee.catalog.CatalogService;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.paging.KeysetCursor;
import dev.marquee.paging.Page;
import dev.marquee.paging.PageLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads variants. */
@ApplicationScoped
@Transactional
public class VariantService {
  @Inject VariantRepository variants;
  @Inject CatalogService catalog;

  public Variant get(UUID id) {
    return variants
        .find(id)
        .orElseThrow(() -> new ResourceNotFoundException("No variant " + id + "."));
  }

  /** An entry's variants, oldest first. @throws ResourceNotFoundException for unknown entries */
  public Page<Variant> list(
      UUID entryId, UUID tagId, String templateName, String cursor, Integer limit) {
    catalog.get(entryId);
    int size = PageLimit.of(limit);
    String fingerprint =
        KeysetCursor.fingerprint(
            "variants\u0001" + entryId + "\u0001" + tagId + "\u0001" + templateName);
    KeysetCursor after = KeysetCursor.decode(cursor, fingerprint);
    List<Variant> rows =
        variants.listByEntry(
            entryId,
            tagId,
            templateName,
            after == null ? null : Instant.parse(after.sortKey()),
            after == null ? null : after.id(),
            size + 1);
    return Page.fromOverfetch(
        rows,
        size,
        last ->
            new KeysetCursor(fingerprint, last.getCreatedAt().toString(), last.getId()).encode());
  }
}
