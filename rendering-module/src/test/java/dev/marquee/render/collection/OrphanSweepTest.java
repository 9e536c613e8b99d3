package dev.marquee.render.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.render.store.AssetKey;
import dev.marquee.render.store.FilesystemAssetStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanSweepTest {
  private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

  @TempDir Path root;

  /** References as a set the test controls, counting the lookups. */
  private static final class References implements AssetReferences {
    final Set<AssetKey> referenced = new HashSet<>();
    final List<Integer> lookups = new ArrayList<>();

    @Override
    public Set<AssetKey> referencedAmong(Collection<AssetKey> keys) {
      lookups.add(keys.size());
      Set<AssetKey> found = new HashSet<>(keys);
      found.retainAll(referenced);
      return found;
    }
  }

  @Test
  void deletesOldUnreferencedAssetsAndKeepsTheRest() throws IOException {
    FilesystemAssetStore store = new FilesystemAssetStore(root);
    AssetKey orphan = put(store, "orphaned rendition", LONG_AGO);
    AssetKey used = put(store, "rendition of a live variant", LONG_AGO);
    AssetKey young = put(store, "upload not yet committed", null);
    References references = new References();
    references.referenced.add(used);

    SweepResult result =
        new OrphanSweep(store, 100).run(references, Instant.now().minusSeconds(3600));

    assertThat(store.contains(orphan)).isFalse();
    assertThat(store.contains(used)).isTrue();
    assertThat(store.contains(young)).isTrue();
    assertThat(result.examined()).isEqualTo(3);
    assertThat(result.deleted()).isEqualTo(1);
    assertThat(result.freedBytes()).isEqualTo("orphaned rendition".length());
    assertThat(result.keptReferenced()).isEqualTo(1);
    assertThat(result.keptRecent()).isEqualTo(1);
  }

  @Test
  void looksReferencesUpInBatchesAndOnceMoreBeforeEachDeletion() throws IOException {
    FilesystemAssetStore store = new FilesystemAssetStore(root);
    for (int i = 0; i < 5; i++) {
      put(store, "orphan " + i, LONG_AGO);
    }
    References references = new References();

    SweepResult result = new OrphanSweep(store, 2).run(references, Instant.now());

    assertThat(result.deleted()).isEqualTo(5);
    // Batches of 2, 2 and 1, each followed by one single-key check per deletion.
    assertThat(references.lookups).containsExactly(2, 1, 1, 2, 1, 1, 1, 1);
  }

  @Test
  void aRowCommittedDuringTheRoundKeepsItsBlob() throws IOException {
    FilesystemAssetStore store = new FilesystemAssetStore(root);
    AssetKey key = put(store, "rendition", LONG_AGO);
    // Unreferenced in the batch lookup, referenced by the time of the deletion.
    AssetReferences references =
        new AssetReferences() {
          int calls;

          @Override
          public Set<AssetKey> referencedAmong(Collection<AssetKey> keys) {
            return ++calls == 1 ? Set.of() : Set.copyOf(keys);
          }
        };

    SweepResult result = new OrphanSweep(store, 10).run(references, Instant.now());

    assertThat(store.contains(key)).isTrue();
    assertThat(result.deleted()).isZero();
    assertThat(result.keptReferenced()).isEqualTo(1);
  }

  @Test
  void anEmptyOrMissingStoreIsNoWork() throws IOException {
    SweepResult result =
        new OrphanSweep(new FilesystemAssetStore(root.resolve("none")), 10)
            .run(new References(), Instant.now());
    assertThat(result).isEqualTo(new SweepResult(0, 0, 0, 0, 0, 0));
  }

  /** Stores the text, last stored at {@code when} (null: now). */
  private static AssetKey put(FilesystemAssetStore store, String text, Instant when)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    AssetKey key = AssetKey.of(bytes);
    store.put(key, new ByteArrayInputStream(bytes));
    if (when != null) {
      Files.setLastModifiedTime(store.pathOf(key), FileTime.from(when));
    }
    return key;
  }
}
