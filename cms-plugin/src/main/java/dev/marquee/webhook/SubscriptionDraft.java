package dev.marquee.webhook;

import java.net.URI;
import java.util.Set;

/** What an administrator sets on a subscription (validated by {@link WebhookSubscriptions}). */
public record SubscriptionDraft(
    URI url, String description, Set<WebhookEventType> eventTypes, boolean enabled) {}
