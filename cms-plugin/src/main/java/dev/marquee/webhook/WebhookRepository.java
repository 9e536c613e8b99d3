package dev.marquee.webhook;

import dev.marquee.paging.KeysetCursor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores subscriptions, outbox messages and delivery attempts. */
public interface WebhookRepository {
  Optional<WebhookSubscription> findSubscription(UUID id);

  /** Subscriptions by creation time then id. */
  List<WebhookSubscription> listSubscriptions(KeysetCursor after, int limit);

  List<WebhookSubscription> enabledSubscriptions();

  void add(WebhookSubscription subscription);

  void remove(WebhookSubscription subscription);

  Optional<WebhookMessage> findMessage(UUID id);

  /** A subscription's messages, newest first. */
  List<WebhookMessage> listMessages(UUID subscriptionId, KeysetCursor after, int limit);

  void add(WebhookMessage message);

  /** Ids of pending messages due at {@code now} and not claimed by a live dispatcher. */
  List<UUID> dueMessageIds(Instant now, int limit);

  /**
   * Takes a due message for one dispatcher until {@code until}; a conditional update, so of two
   * nodes racing for the same message exactly one wins.
   *
   * @return whether this caller got it
   */
  boolean claim(UUID messageId, Instant now, Instant until);

  void add(WebhookAttempt attempt);

  List<WebhookAttempt> attemptsOf(UUID messageId);

  /** How many attempts were ever made, across redeliveries (numbers the next one). */
  long attemptCount(UUID messageId);

  /** Writes pending changes now, so versions are current before a response is built. */
  void flush();
}
