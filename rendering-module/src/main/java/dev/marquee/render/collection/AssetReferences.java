package dev.marquee.render.collection;

import dev.marquee.render.store.AssetKey;
import java.util.Collection;
import java.util.Set;

/** Which of some asset keys something stored still refers to. */
public interface AssetReferences {

  /** The subset of {@code keys} that is referenced. */
  Set<AssetKey> referencedAmong(Collection<AssetKey> keys);
}
