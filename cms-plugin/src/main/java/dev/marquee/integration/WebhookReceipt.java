package dev.marquee.integration;

/**
 * The answer to an accepted delivery.
 *
 * @param replayed true when the {@code webhook-id} was seen before and nothing was applied again
 * @param outcome CREATED, UPDATED, UNCHANGED, ARCHIVED or REPLAYED
 * @param externalId the entry the delivery was about, null for replays
 */
public record WebhookReceipt(
    String webhookId, boolean replayed, String outcome, String externalId) {}
