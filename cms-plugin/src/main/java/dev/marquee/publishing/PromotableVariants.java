package dev.marquee.publishing;

import java.util.UUID;

/**
 * Extension point implemented by the module that owns variants (rendering), so publishing can check
 * a variant without depending on it.
 */
public interface PromotableVariants {
  /** Whether the variant exists and was rendered for this entry. */
  boolean belongsToEntry(UUID variantId, UUID entryId);
}
