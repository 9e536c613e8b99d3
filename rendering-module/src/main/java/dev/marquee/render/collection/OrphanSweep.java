package dev.marquee.render.collection;

import dev.marquee.render.store.AssetKey;
import dev.marquee.render.store.AssetStore;
import dev.marquee.render.store.StoredKey;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One pass over the asset store: every asset last stored before the cut-off that nothing refers to
 * is deleted. References are looked up a batch at a time, and once more for each asset at the
 * moment of its deletion ({@link AssetStore#deleteIfStale}), so a row committed during the pass
 * keeps its blob. Younger assets are left alone: an upload or render stores its blobs before it
 * commits the rows naming them, and the grace period covers that gap.
 */
public final class OrphanSweep {
  private final AssetStore store;
  private final int batchSize;

  /**
   * @param batchSize how many keys one reference lookup covers
   */
  public OrphanSweep(AssetStore store, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive");
    }
    this.store = store;
    this.batchSize = batchSize;
  }

  /**
   * @param storedBefore assets stored at or after this instant are kept whatever refers to them
   */
  public SweepResult run(AssetReferences references, Instant storedBefore) throws IOException {
    Counts counts = new Counts();
    int recovered = store.recoverInterrupted(storedBefore);
    List<StoredKey> batch = new ArrayList<>(batchSize);
    try (Stream<StoredKey> assets = store.list()) {
      Iterator<StoredKey> it = assets.iterator();
      while (it.hasNext() && !Thread.currentThread().isInterrupted()) {
        StoredKey asset = it.next();
        counts.examined++;
        if (!asset.lastStored().isBefore(storedBefore)) {
          counts.keptRecent++;
          continue;
        }
        batch.add(asset);
        if (batch.size() == batchSize) {
          sweep(batch, references, storedBefore, counts);
          batch.clear();
        }
      }
    }
    if (!batch.isEmpty()) {
      sweep(batch, references, storedBefore, counts);
    }
    return new SweepResult(
        counts.examined,
        counts.deleted,
        counts.freedBytes,
        counts.keptRecent,
        counts.keptReferenced,
        recovered);
  }

  private void sweep(
      List<StoredKey> batch, AssetReferences references, Instant storedBefore, Counts counts)
      throws IOException {
    Set<AssetKey> referenced =
        references.referencedAmong(batch.stream().map(StoredKey::key).toList());
    for (StoredKey asset : batch) {
      AssetKey key = asset.key();
      if (!referenced.contains(key)
          && store.deleteIfStale(
              key, storedBefore, () -> references.referencedAmong(List.of(key)).isEmpty())) {
        counts.deleted++;
        counts.freedBytes += asset.size();
      } else {
        counts.keptReferenced++;
      }
    }
  }

  private static final class Counts {
    long examined;
    long deleted;
    long freedBytes;
    long keptRecent;
    long keptReferenced;
  }
}
