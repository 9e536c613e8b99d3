package dev.marquee.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Checks what a promotion names in other modules through their extension points. When a module is
 * not deployed (this plugin used alone), nothing it owns exists: no variant can be promoted and
 * only the {@code all} audience is known.
 */
@ApplicationScoped
public class PromotionTargets {
  private BiPredicate<UUID, UUID> variantOfEntry;
  private Predicate<UUID> groupExists;

  protected PromotionTargets() {}

  @Inject
  public PromotionTargets(
      Instance<PromotableVariants> variants, Instance<AudienceGroupDirectory> groups) {
    this(
        (variant, entry) ->
            variants.isResolvable() && variants.get().belongsToEntry(variant, entry),
        group -> groups.isResolvable() && groups.get().exists(group));
  }

  /** For use outside a container. */
  public PromotionTargets(BiPredicate<UUID, UUID> variantOfEntry, Predicate<UUID> groupExists) {
    this.variantOfEntry = variantOfEntry;
    this.groupExists = groupExists;
  }

  public boolean variantBelongsToEntry(UUID variantId, UUID entryId) {
    return variantOfEntry.test(variantId, entryId);
  }

  public boolean audienceExists(Audience audience) {
    return audience.isAll() || groupExists.test(audience.groupId());
  }
}
