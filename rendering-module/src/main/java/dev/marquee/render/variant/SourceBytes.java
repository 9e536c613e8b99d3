package dev.marquee.render.variant;

import dev.marquee.render.source.SourceImage;
import dev.marquee.render.store.AssetStore;
import dev.marquee.render.store.StoredAsset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reads a source image's bytes from the asset store. */
@ApplicationScoped
public class SourceBytes {
  private AssetStore store;

  protected SourceBytes() {}

  @Inject
  public SourceBytes(AssetStore store) {
    this.store = store;
  }

  /**
   * @throws IllegalStateException when the blob is missing (the store lost data)
   */
  public byte[] read(SourceImage image) {
    try {
      Optional<StoredAsset> asset = store.open(image.getContentKey());
      if (asset.isEmpty()) {
        throw new IllegalStateException(
            "the bytes of source image " + image.getId() + " are missing from the asset store");
      }
      try (StoredAsset a = asset.get()) {
        return a.content().readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
