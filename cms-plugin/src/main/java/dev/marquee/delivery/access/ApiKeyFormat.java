package dev.marquee.delivery.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The shape of a delivery API key: {@code mqk_<keyId>_<secret>}, where the key id is 16 lower-case
 * hex characters (64 random bits, public, finds the stored row without scanning) and the secret is
 * 43 base64url characters (256 random bits). Parsing is strict and cheap: anything that is not
 * exactly this shape is rejected before any lookup or hashing, whatever its size or characters.
 */
public final class ApiKeyFormat {
  /** Marks Marquee keys so that secret scanners and people recognise them. */
  public static final String PREFIX = "mqk_";

  static final int KEY_ID_BYTES = 8;
  static final int SECRET_BYTES = 32;
  static final int KEY_ID_LENGTH = KEY_ID_BYTES * 2;
  static final int SECRET_LENGTH = 43; // base64url of 32 bytes, unpadded

  /** The exact length of every key. */
  public static final int LENGTH = PREFIX.length() + KEY_ID_LENGTH + 1 + SECRET_LENGTH;

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random;

  public ApiKeyFormat(SecureRandom random) {
    this.random = random;
  }

  /** A new key from fresh random bytes. */
  public PresentedKey generate() {
    byte[] id = new byte[KEY_ID_BYTES];
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(id);
    random.nextBytes(secret);
    String keyId = HexFormat.of().formatHex(id);
    return new PresentedKey(keyId, PREFIX + keyId + "_" + BASE64URL.encodeToString(secret));
  }

  /**
   * Parses a key as a client sent it.
   *
   * @return empty for anything that is not a well-formed key (null, wrong length, wrong prefix,
   *     characters outside the alphabet)
   */
  public static Optional<PresentedKey> parse(String candidate) {
    if (candidate == null || candidate.length() != LENGTH || !candidate.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int idStart = PREFIX.length();
    int idEnd = idStart + KEY_ID_LENGTH;
    for (int i = idStart; i < idEnd; i++) {
      char c = candidate.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return Optional.empty();
      }
    }
    if (candidate.charAt(idEnd) != '_') {
      return Optional.empty();
    }
    for (int i = idEnd + 1; i < LENGTH; i++) {
      if (!isBase64Url(candidate.charAt(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(new PresentedKey(candidate.substring(idStart, idEnd), candidate));
  }

  private static boolean isBase64Url(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }
}
