package dev.marquee.render.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The key of a stored asset: the lowercase hex SHA-256 of its bytes. Keys are never derived from
 * user-supplied names, so a key cannot address anything outside the store.
 */
public record AssetKey(String sha256Hex) {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public AssetKey {
    if (sha256Hex == null || !SHA256_HEX.matcher(sha256Hex).matches()) {
      throw new IllegalArgumentException("not a lowercase hex SHA-256: " + sha256Hex);
    }
  }

  /** Whether {@code text} is a well-formed key, for validating URL segments before parsing. */
  public static boolean isValid(String text) {
    return text != null && SHA256_HEX.matcher(text).matches();
  }

  /** The key of these bytes. */
  public static AssetKey of(byte[] content) {
    return new AssetKey(HexFormat.of().formatHex(sha256().digest(content)));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return sha256Hex;
  }
}
