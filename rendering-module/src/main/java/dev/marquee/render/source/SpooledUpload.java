package dev.marquee.render.source;

import dev.marquee.render.engine.ImageRejectedException;
import dev.marquee.render.engine.RejectionReason;
import dev.marquee.render.store.AssetKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An uploaded file received into a temporary file, hashed and counted on the way, so that nothing
 * of it is in memory while it arrives and an oversized body is cut off at the limit. Closing
 * deletes the file.
 */
public final class SpooledUpload implements AutoCloseable {
  private final Path file;
  private final AssetKey key;
  private final long size;

  private SpooledUpload(Path file, AssetKey key, long size) {
    this.file = file;
    this.key = key;
    this.size = size;
  }

  /**
   * Reads {@code body} to its end into a temporary file in {@code directory}.
   *
   * @throws ImageRejectedException {@link RejectionReason#EMPTY} for zero bytes, {@link
   *     RejectionReason#TOO_MANY_BYTES} as soon as more than {@code maxBytes} arrived (the file is
   *     deleted either way)
   */
  public static SpooledUpload receive(InputStream body, long maxBytes, Path directory)
      throws IOException {
    Path file = Files.createTempFile(directory, "marquee-upload-", ".part");
    try {
      MessageDigest digest = sha256();
      long size = 0;
      byte[] buffer = new byte[64 * 1024];
      try (OutputStream out = Files.newOutputStream(file)) {
        int n;
        while ((n = body.read(buffer)) != -1) {
          size += n;
          if (size > maxBytes) {
            throw new ImageRejectedException(
                RejectionReason.TOO_MANY_BYTES,
                "The file is larger than the limit of " + maxBytes + " bytes");
          }
          digest.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      if (size == 0) {
        throw new ImageRejectedException(RejectionReason.EMPTY, "The file is empty");
      }
      return new SpooledUpload(file, new AssetKey(HexFormat.of().formatHex(digest.digest())), size);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /** The SHA-256 of the content, its key in the asset store. */
  public AssetKey key() {
    return key;
  }

  public long size() {
    return size;
  }

  /** The whole content; callers have checked {@link #size()} against the byte limit. */
  public byte[] readAllBytes() throws IOException {
    return Files.readAllBytes(file);
  }

  /** A fresh stream over the content; the caller closes it. */
  public InputStream open() throws IOException {
    return Files.newInputStream(file);
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
