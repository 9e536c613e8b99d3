package dev.marquee.webhook;

/** Where a webhook message stands. */
public enum DeliveryStatus {
  /** Waiting for its first or next attempt. */
  PENDING,
  /** A 2xx answer was received. */
  DELIVERED,
  /** Every attempt of the retry schedule failed; only a manual redelivery sends it again. */
  DEAD
}
