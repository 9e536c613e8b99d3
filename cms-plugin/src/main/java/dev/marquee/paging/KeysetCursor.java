package dev.marquee.paging;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The position after the last item of a page: its sort key and id, bound to the sort and filters
 * that produced it. Encoded as opaque base64url so clients cannot build or edit cursors.
 *
 * @param fingerprint identifies the sort and filters, see {@link #fingerprint(String)}
 * @param sortKey the last item's sort key in its canonical string form
 * @param id the last item's id, the tie-breaker
 */
public record KeysetCursor(String fingerprint, String sortKey, UUID id) {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final String FIELD = "cursor";

  /** A short digest of a canonical description of sort and filters. */
  public static String fingerprint(String canonicalQuery) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonicalQuery.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** The opaque form handed to clients. */
  public String encode() {
    String raw = part(fingerprint) + "." + part(sortKey) + "." + id;
    return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a client's cursor and checks that it was issued for the same sort and filters.
   *
   * @return the cursor, or {@code null} when {@code encoded} is null or blank (first page)
   * @throws InvalidInputException on field {@code cursor} if it is malformed or was issued for a
   *     different query
   */
  public static KeysetCursor decode(String encoded, String expectedFingerprint) {
    if (encoded == null || encoded.isBlank()) {
      return null;
    }
    KeysetCursor cursor;
    try {
      String raw = new String(DECODER.decode(encoded.trim()), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\.", -1);
      // UUID.fromString accepts shortened forms; a truncated cursor must not pass as another id
      if (parts.length != 3 || parts[2].length() != 36) {
        throw new IllegalArgumentException("expected three parts");
      }
      cursor = new KeysetCursor(unpart(parts[0]), unpart(parts[1]), UUID.fromString(parts[2]));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(new FieldError(FIELD, "is not a cursor issued by this API"));
    }
    if (!cursor.fingerprint().equals(expectedFingerprint)) {
      throw new InvalidInputException(
          new FieldError(
              FIELD,
              "was issued for a different sort or different filters; "
                  + "repeat the original query or start without a cursor"));
    }
    return cursor;
  }

  private static String part(String value) {
    return ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String unpart(String value) {
    return new String(DECODER.decode(value), StandardCharsets.UTF_8);
  }
}
