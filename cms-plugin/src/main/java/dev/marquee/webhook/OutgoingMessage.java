package dev.marquee.webhook;

import java.util.UUID;

/** What the dispatcher needs to send one claimed message, read before leaving the transaction. */
record OutgoingMessage(
    UUID messageId,
    UUID subscriptionId,
    String webhookId,
    String url,
    String secret,
    String payload,
    int attemptNo) {}
