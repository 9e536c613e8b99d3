package dev.marquee.publishing;

import java.time.Instant;
import java.util.UUID;

/**
 * A proposal made by hand.
 *
 * @param publishAt when the scheduler publishes it once approved, or null to publish by hand
 */
public record PromotionDraft(
    UUID entryId, Audience audience, UUID variantId, String reason, Instant publishAt) {}
