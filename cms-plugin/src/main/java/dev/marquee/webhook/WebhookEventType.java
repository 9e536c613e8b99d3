package dev.marquee.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events a webhook subscription can listen to, with their names on the wire. */
public enum WebhookEventType {
  PROMOTION_PUBLISHED("promotion.published"),
  PROMOTION_ROLLED_BACK("promotion.rolled_back"),
  VARIANT_RENDERED("variant.rendered"),
  EXPERIMENT_DECIDED("experiment.decided"),
  ENTRY_CHANGED("entry.changed"),
  /** Sent only by the "send test event" action, never subscribed to. */
  TEST("webhook.test");

  private final String wireName;

  WebhookEventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public boolean isSubscribable() {
    return this != TEST;
  }

  public static Optional<WebhookEventType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
