package dev.marquee.render.store;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Extension point for where source images and renditions are kept: content-addressed, immutable
 * blobs. The filesystem store is the default; a host replaces it with a CDI alternative (e.g.
 * object storage). Implementations must make a write visible only once complete, so a crash never
 * leaves a half-written asset under its key, and must be safe for concurrent writers of the same
 * key.
 *
 * <p>Assets nothing refers to any more are removed by Marquee's orphan collector through {@link
 * #list()} and {@link #deleteIfStale}; a store must keep those two honest about when an asset was
 * last stored, because that is what protects an upload or render still in flight.
 */
public interface AssetStore {

  /**
   * Stores {@code content} under {@code key}. When the key is already present nothing is written,
   * but the asset counts as stored now: its {@link StoredKey#lastStored} moves to the present, so
   * the orphan collector's grace period starts over for a blob a new row is about to reference.
   *
   * @throws AssetIntegrityException when the bytes read do not hash to {@code key} (nothing is
   *     kept)
   */
  void put(AssetKey key, InputStream content) throws IOException;

  /** The asset, or empty when the key is unknown. The caller closes the stream. */
  Optional<StoredAsset> open(AssetKey key) throws IOException;

  boolean contains(AssetKey key) throws IOException;

  /** Removes the asset. @return whether it existed */
  boolean delete(AssetKey key) throws IOException;

  /** Every complete asset, in no particular order. The caller closes the stream. */
  Stream<StoredKey> list() throws IOException;

  /**
   * Deletes the asset if it was last stored before {@code storedBefore} and {@code unreferenced}
   * still answers true. The check and the deletion must not lose a concurrent {@link #put} of the
   * same key: a put that lands during the call either makes the asset count as recently stored (it
   * is kept) or writes it again afterwards.
   *
   * @param unreferenced asked at most once, when no put can any longer reuse the asset unseen
   * @return whether the asset was deleted
   */
  boolean deleteIfStale(AssetKey key, Instant storedBefore, BooleanSupplier unreferenced)
      throws IOException;

  /**
   * Cleans up after writes and deletions a crash interrupted, where both began before {@code
   * before}: partial files are removed, assets caught half-way through {@link #deleteIfStale} are
   * put back (a later collection decides about them again). A store without such leftovers does
   * nothing.
   *
   * @return how many leftovers were handled
   */
  default int recoverInterrupted(Instant before) throws IOException {
    return 0;
  }
}
