package dev.marquee.render.delivery;

import dev.marquee.render.store.AssetKey;

/**
 * Decides which stored assets {@code /assets} may serve to anyone. Renditions are public; source
 * images are not (they may be unreleased stills), although both live in the same store.
 */
public interface PublicAssetPolicy {
  boolean isPublic(AssetKey key);
}
