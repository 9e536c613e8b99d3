package dev.marquee.render.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Extension point for where source images and renditions are kept: content-addressed, immutable
 * blobs. The filesystem store is the default; a host replaces it with a CDI alternative (e.g.
 * object storage). Implementations must make a write visible only once complete, so a crash never
 * leaves a half-written asset under its key, and must be safe for concurrent writers of the same
 * key.
 */
public interface AssetStore {

  /**
   * Stores {@code content} under {@code key}; a no-op when the key is already present.
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
}
