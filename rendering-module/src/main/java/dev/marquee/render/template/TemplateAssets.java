package dev.marquee.render.template;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.render.engine.ImageFormat;
import dev.marquee.render.engine.ImageLimits;
import dev.marquee.render.engine.ImageProbe;
import dev.marquee.render.engine.ImageRejectedException;
import dev.marquee.render.engine.SourceImageInspector;
import dev.marquee.render.store.AssetKey;
import dev.marquee.render.store.AssetStore;
import dev.marquee.render.store.StoredAsset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Logos for template overlays: PNG files (alpha allowed) kept in the asset store under their
 * SHA-256, which logo overlays name. Checked from the header before anything is decoded.
 */
@ApplicationScoped
public class TemplateAssets {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final SourceImageInspector inspector = new SourceImageInspector(ImageLimits.defaults());

  private AssetStore store;

  protected TemplateAssets() {}

  @Inject
  public TemplateAssets(AssetStore store) {
    this.store = store;
  }

  /** A stored logo. @param created false when these bytes were stored before */
  public record Logo(AssetKey key, int width, int height, boolean created) {}

  /**
   * Stores a PNG logo.
   *
   * @throws InvalidInputException on field {@code file} when it is not an acceptable PNG
   */
  public Logo store(byte[] png) {
    ImageProbe probe;
    try {
      probe = inspector.inspect(png);
    } catch (ImageRejectedException e) {
      throw new InvalidInputException(new FieldError("file", e.getMessage()));
    }
    if (probe.format() != ImageFormat.PNG) {
      throw new InvalidInputException(
          new FieldError("file", "must be a PNG, was " + probe.format()));
    }
    AssetKey key = AssetKey.of(png);
    try {
      boolean existed = store.contains(key);
      store.put(key, new ByteArrayInputStream(png));
      return new Logo(key, probe.width(), probe.height(), !existed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the key names a stored PNG. */
  public boolean isPng(String key) {
    if (!AssetKey.isValid(key)) {
      return false;
    }
    try (var asset = store.open(new AssetKey(key)).orElse(null)) {
      return asset != null
          && Arrays.equals(asset.content().readNBytes(PNG_SIGNATURE.length), PNG_SIGNATURE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stores the logo again (a no-op write that marks it as stored now) before a template version
   * naming it is committed, so the orphan collector's grace period covers the commit even for a
   * logo uploaded long ago and unused until now.
   *
   * @throws IllegalStateException if the logo went missing
   */
  public void retain(String key) {
    byte[] png = bytes(key);
    try {
      store.put(new AssetKey(key), new ByteArrayInputStream(png));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The logo's bytes. @throws IllegalStateException if a validated logo went missing */
  public byte[] bytes(String key) {
    try {
      Optional<StoredAsset> asset = store.open(new AssetKey(key));
      if (asset.isEmpty()) {
        throw new IllegalStateException("logo asset " + key + " is missing from the asset store");
      }
      try (StoredAsset a = asset.get()) {
        return a.content().readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
