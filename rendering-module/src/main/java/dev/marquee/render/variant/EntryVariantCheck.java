package dev.marquee.render.variant;

import dev.marquee.publishing.PromotableVariants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Lets publishing check that a promoted variant exists and was rendered for the entry. */
@ApplicationScoped
public class EntryVariantCheck implements PromotableVariants {
  @Inject VariantRepository variants;

  @Override
  public boolean belongsToEntry(UUID variantId, UUID entryId) {
    return variants.find(variantId).map(v -> v.getEntryId().equals(entryId)).orElse(false);
  }
}
