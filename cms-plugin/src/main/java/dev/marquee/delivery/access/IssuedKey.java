package dev.marquee.delivery.access;

/**
 * A key just issued: the stored row and the plaintext key, which exists only in this answer.
 *
 * @param plaintext the whole key; hand it to the administrator once, never log or store it
 */
public record IssuedKey(DeliveryApiKey stored, String plaintext) {
  /** Keeps the plaintext out of logs. */
  @Override
  public String toString() {
    return "IssuedKey[" + stored.prefix() + "]";
  }
}
