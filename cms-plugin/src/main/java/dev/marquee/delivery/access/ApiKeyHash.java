package dev.marquee.delivery.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What is stored of a key: the SHA-256 of the whole key, hex-encoded. Keys carry 256 random bits,
 * so a fast unsalted hash cannot be reversed by guessing; a slow password hash would only make each
 * delivery request slower (docs/design-notes.md, "Delivery API keys").
 */
public final class ApiKeyHash {
  private ApiKeyHash() {}

  /** The stored form of a key. */
  public static String of(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /**
   * Whether {@code key} hashes to {@code storedHash}, compared in constant time so that the time
   * taken does not reveal how much of the hash matched.
   */
  public static boolean matches(String key, String storedHash) {
    if (storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(
        of(key).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
