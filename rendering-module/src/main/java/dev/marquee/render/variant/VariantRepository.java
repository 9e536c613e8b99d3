package dev.marquee.render.variant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores variants. */
public interface VariantRepository {
  Optional<Variant> find(UUID id);

  Optional<Variant> findByIdentityKey(String identityKey);

  /**
   * An entry's variants, oldest first, after the given position (exclusive) when given.
   *
   * @param tagId only this tag's, or null
   * @param templateName only this template's (any version), or null
   */
  List<Variant> listByEntry(
      UUID entryId,
      UUID tagId,
      String templateName,
      Instant afterCreatedAt,
      UUID afterId,
      int limit);

  void add(Variant variant);
}
