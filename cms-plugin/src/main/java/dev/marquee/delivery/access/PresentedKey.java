package dev.marquee.delivery.access;

/**
 * A well-formed API key (see {@link ApiKeyFormat}).
 *
 * @param keyId the public id that finds the stored key
 * @param value the whole key; a secret: never log it, store only {@link ApiKeyHash#of its hash}
 */
public record PresentedKey(String keyId, String value) {
  /** The public part shown in key lists and logs, e.g. {@code mqk_3f9a0c1d2e4b5a69}. */
  public String prefix() {
    return ApiKeyFormat.PREFIX + keyId;
  }

  /** Keeps the secret out of logs and debugger views. */
  @Override
  public String toString() {
    return prefix() + "_…";
  }
}
