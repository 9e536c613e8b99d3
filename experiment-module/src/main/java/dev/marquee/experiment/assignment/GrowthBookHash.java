package dev.marquee.experiment.assignment;

/**
 * GrowthBook's deterministic hash (SDK specification, {@code hash(seed, value, version)}).
 *
 * <ul>
 *   <li>v1: {@code (fnv32a(value + seed) % 1000) / 1000}
 *   <li>v2: {@code (fnv32a(String.valueOf(fnv32a(seed + value))) % 10000) / 10000}, where the inner
 *       hash is printed as an unsigned decimal integer
 * </ul>
 *
 * <p>{@code fnv32a} is 32-bit FNV-1a (offset basis {@code 0x811c9dc5}, prime {@code 0x01000193})
 * fed one UTF-16 code unit per step, i.e. JavaScript's {@code charCodeAt}: a non-ASCII character
 * such as {@code ü} contributes its code unit {@code 0xFC} (not its UTF-8 bytes) and a
 * supplementary character such as an emoji contributes its two surrogates. This matches the
 * JavaScript reference SDK; SDKs that iterate code points (e.g. Python's) differ only for
 * characters outside the Basic Multilingual Plane.
 */
public final class GrowthBookHash {

  static final int FNV_OFFSET_BASIS = 0x811c9dc5;
  static final int FNV_PRIME = 0x01000193;

  private GrowthBookHash() {}

  /** 32-bit FNV-1a over the UTF-16 code units of {@code text}, as an unsigned value in an int. */
  public static int fnv1a32(CharSequence text) {
    return continueFnv1a32(FNV_OFFSET_BASIS, text);
  }

  /** Continues an FNV-1a state over more code units: {@code fnv(a + b) == continue(fnv(a), b)}. */
  static int continueFnv1a32(int state, CharSequence text) {
    int h = state;
    for (int i = 0, n = text.length(); i < n; i++) {
      h ^= text.charAt(i);
      h *= FNV_PRIME; // int overflow is exactly multiplication mod 2^32
    }
    return h;
  }

  /**
   * GrowthBook's hash in [0, 1), or {@link Double#NaN} for an unsupported version (the SDKs return
   * null there; NaN falls in no bucket range, so the viewer is simply not enrolled).
   */
  public static double hash(String seed, String value, int version) {
    return switch (version) {
      case 1 -> Integer.toUnsignedLong(fnv1a32(value + seed)) % 1000 / 1000.0;
      case 2 -> v2FromInnerHash(continueFnv1a32(fnv1a32(seed), value));
      default -> Double.NaN;
    };
  }

  /**
   * Finishes v2 from the inner hash without building its decimal string: feeds the unsigned decimal
   * digits (most significant first) straight into a fresh FNV-1a state.
   */
  static double v2FromInnerHash(int inner) {
    long value = Integer.toUnsignedLong(inner);
    // Collect the (at most 10) digits least significant first, 4 bits each, dividing by the
    // constant 10 (a multiply after JIT), then feed them most significant first.
    long packed = 0;
    int count = 0;
    do {
      packed |= (value % 10) << (4 * count);
      value /= 10;
      count++;
    } while (value > 0);
    int h = FNV_OFFSET_BASIS;
    for (int i = count - 1; i >= 0; i--) {
      h ^= '0' + (int) ((packed >>> (4 * i)) & 0xF);
      h *= FNV_PRIME;
    }
    return Integer.toUnsignedLong(h) % 10000 / 10000.0;
  }

  /**
   * GrowthBook's {@code inNamespace}: the viewer is in the namespace slice when {@code hash("__" +
   * id, viewerId, 1)} lies in [start, end).
   */
  public static boolean inNamespace(String viewerId, Namespace namespace) {
    double n = hash("__" + namespace.id(), viewerId, 1);
    return n >= namespace.start() && n < namespace.end();
  }
}
