package dev.marquee.render.delivery;

import dev.marquee.render.engine.ContentHash;
import dev.marquee.render.engine.ImageLimits;
import dev.marquee.render.engine.RenditionDownscaler;
import dev.marquee.render.engine.SourceDecoder;
import dev.marquee.render.engine.SourceImageInspector;
import dev.marquee.render.store.AssetKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Downscaled copies of renditions for the configured delivery presets, computed on the first
 * request and kept in a bounded in-memory cache (a CDN in front keeps them for good: the bytes of a
 * (rendition, preset) pair never change). At most as many downscales run at once as there are
 * cores; a request that cannot get a turn soon is answered 503 instead of queueing without bound.
 */
@ApplicationScoped
public class PresetRenditions {
  /** A downscaled copy and the SHA-256 of its bytes (its ETag). */
  record Copy(byte[] bytes, String sha256Hex) {}

  /** Every downscale slot stayed busy for the whole wait. */
  static final class BusyException extends RuntimeException {
    BusyException() {
      super("all downscale slots are busy", null, false, false);
    }
  }

  @Inject
  @ConfigProperty(name = "marquee.assets.presets")
  String presetList;

  @Inject
  @ConfigProperty(name = "marquee.assets.preset-quality")
  float quality;

  @Inject
  @ConfigProperty(name = "marquee.assets.preset-cache-entries")
  int cacheEntries;

  private DeliveryPresets presets;
  private LruCache<String, Copy> cache;
  private final Semaphore slots = new Semaphore(Runtime.getRuntime().availableProcessors());
  private final RenditionDownscaler downscaler =
      new RenditionDownscaler(new SourceDecoder(new SourceImageInspector(ImageLimits.defaults())));

  @PostConstruct
  void init() {
    if (!(quality > 0 && quality <= 1)) {
      throw new IllegalArgumentException(
          "marquee.assets.preset-quality must be in (0, 1], was " + quality);
    }
    presets = DeliveryPresets.parse(presetList);
    cache = new LruCache<>(Math.max(1, cacheEntries));
  }

  /**
   * Creates the bean at start, so init() rejects a misconfigured preset list by stopping the
   * deployment with its message rather than failing the first request.
   */
  void validateOnStart(@Observes Startup startup) {}

  Optional<Integer> width(String preset) {
    return presets.width(preset);
  }

  /**
   * @param bytes reads the rendition's bytes; only called on a cache miss
   * @throws BusyException when no downscale slot frees up within a second
   */
  Copy copy(AssetKey rendition, String preset, int width, Supplier<byte[]> bytes) {
    return cache.get(
        rendition.sha256Hex() + "/" + preset + "/" + width, k -> downscale(bytes.get(), width));
  }

  private Copy downscale(byte[] rendition, int width) {
    try {
      if (!slots.tryAcquire(1, TimeUnit.SECONDS)) {
        throw new BusyException();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusyException();
    }
    try {
      byte[] copy = downscaler.downscale(rendition, width, quality);
      return new Copy(copy, ContentHash.sha256Hex(copy));
    } finally {
      slots.release();
    }
  }
}
