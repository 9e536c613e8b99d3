package dev.marquee.render.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemAssetStoreTest {
  @TempDir Path root;

  private static final byte[] CONTENT = "rendition bytes".getBytes(StandardCharsets.UTF_8);

  @Test
  void keyIsTheSha256OfTheContent() {
    // Reference: `printf 'rendition bytes' | sha256sum` (GNU coreutils 9.x).
    assertThat(AssetKey.of(CONTENT).sha256Hex())
        .isEqualTo("3fb3657ecd3c57c18dd546e771914191e5195fd89cc35a45778888da3bfae9da");
  }

  @Test
  void storesUnderFannedOutHashPathAndReadsBack() throws IOException {
    FilesystemAssetStore store = new FilesystemAssetStore(root);
    AssetKey key = AssetKey.of(CONTENT);

    store.put(key, new ByteArrayInputStream(CONTENT));

    String hex = key.sha256Hex();
    assertThat(store.pathOf(key))
        .isEqualTo(root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex))
        .exists();
    try (StoredAsset asset = store.open(key).orElseThrow()) {
      assertThat(asset.size()).isEqualTo(CONTENT.length);
      assertThat(asset.content().readAllBytes()).isEqualTo(CONTENT);
    }
    assertThat(store.contains(key)).isTrue();
  }

  @Test
  void rejectsContentThatDoesNotMatchItsKeyAndKeepsNothing() throws IOException {
    FilesystemAssetStore store = new FilesystemAssetStore(root);
    AssetKey key = AssetKey.of(CONTENT);

    assertThatThrownBy(() -> store.put(key, new ByteArrayInputStream("other".getBytes())))
        .isInstanceOf(AssetIntegrityException.class);

    assertThat(store.contains(key)).isFalse();
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void interruptedWriteLeavesNoAssetUnderTheKey() throws IOException {
    FilesystemAssetStore store = new FilesystemAssetStore(root);
    AssetKey key = AssetKey.of(CONTENT);
    InputStream failing =
        new InputStream() {
          int sent;

          @Override
          public int read() throws IOException {
            if (sent++ < 5) {
              return 'x';
            }
            throw new IOException("connection reset");
          }
        };

    assertThatThrownBy(() -> store.put(key, failing)).hasMessage("connection reset");

    assertThat(store.contains(key)).isFalse();
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void concurrentWritersOfTheSameContentAllSucceed() throws Exception {
    FilesystemAssetStore store = new FilesystemAssetStore(root);
    AssetKey key = AssetKey.of(CONTENT);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Void>> writes = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        Callable<Void> write =
            () -> {
              store.put(key, new ByteArrayInputStream(CONTENT));
              return null;
            };
        writes.add(pool.submit(write));
      }
      for (Future<Void> write : writes) {
        write.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(Files.readAllBytes(store.pathOf(key))).isEqualTo(CONTENT);
  }

  @Test
  void unknownKeyIsEmptyAndDeleteReportsWhetherItExisted() throws IOException {
    FilesystemAssetStore store = new FilesystemAssetStore(root);
    AssetKey key = AssetKey.of(CONTENT);
    assertThat(store.open(key)).isEmpty();
    assertThat(store.delete(key)).isFalse();
    store.put(key, new ByteArrayInputStream(CONTENT));
    assertThat(store.delete(key)).isTrue();
    assertThat(store.contains(key)).isFalse();
  }

  @Test
  void keysAreOnlyLowercaseHexSha256() {
    assertThat(AssetKey.isValid("../../etc/passwd")).isFalse();
    assertThat(AssetKey.isValid("A".repeat(64))).isFalse();
    assertThat(AssetKey.isValid("a".repeat(63))).isFalse();
    assertThat(AssetKey.isValid("a".repeat(64))).isTrue();
    assertThatThrownBy(() -> new AssetKey("../x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void storingPresentContentAgainMarksItAsStoredNow() throws IOException {
    FilesystemAssetStore store = new FilesystemAssetStore(root);
    AssetKey key = AssetKey.of(CONTENT);
    store.put(key, new ByteArrayInputStream(CONTENT));
    Instant old = Instant.parse("2020-01-01T00:00:00Z");
    Files.setLastModifiedTime(store.pathOf(key), FileTime.from(old));

    store.put(key, new ByteArrayInputStream(CONTENT));

    assertThat(Files.getLastModifiedTime(store.pathOf(key)).toInstant()).isAfter(old);
  }

  @Test
  void listsCompleteAssetsWithSizeAndWhenTheyWereStored() throws IOException {
    FilesystemAssetStore store = new FilesystemAssetStore(root);
    AssetKey key = AssetKey.of(CONTENT);
    store.put(key, new ByteArrayInputStream(CONTENT));
    Files.writeString(store.pathOf(key).resolveSibling(".incoming-123.tmp"), "partial");
    Files.writeString(root.resolve("README"), "not an asset");

    List<StoredKey> listed;
    try (Stream<StoredKey> all = store.list()) {
      listed = all.toList();
    }

    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).key()).isEqualTo(key);
    assertThat(listed.get(0).size()).isEqualTo(CONTENT.length);
    assertThat(listed.get(0).lastStored())
        .isEqualTo(Files.getLastModifiedTime(store.pathOf(key)).toInstant());
    assertThat(new FilesystemAssetStore(root.resolve("missing")).list()).isEmpty();
  }

  @Test
  void deletesAStaleAssetOnlyWhenItIsStillUnreferenced() throws IOException {
    FilesystemAssetStore store = new FilesystemAssetStore(root);
    AssetKey key = AssetKey.of(CONTENT);
    store.put(key, new ByteArrayInputStream(CONTENT));
    Instant stored = Files.getLastModifiedTime(store.pathOf(key)).toInstant();

    assertThat(store.deleteIfStale(key, stored, () -> true)).as("not older than").isFalse();
    assertThat(store.deleteIfStale(key, stored.plusSeconds(1), () -> false))
        .as("referenced")
        .isFalse();
    assertThat(store.contains(key)).isTrue();
    assertThat(Files.list(store.pathOf(key).getParent())).hasSize(1); // nothing left aside

    assertThat(store.deleteIfStale(key, stored.plusSeconds(1), () -> true)).isTrue();
    assertThat(store.contains(key)).isFalse();
    assertThat(store.deleteIfStale(key, stored.plusSeconds(1), () -> true)).isFalse();
  }

  @Test
  void aPutDuringTheDeletionKeepsTheAsset() throws IOException {
    FilesystemAssetStore store = new FilesystemAssetStore(root);
    AssetKey key = AssetKey.of(CONTENT);
    store.put(key, new ByteArrayInputStream(CONTENT));
    Instant cutoff = Instant.now().plusSeconds(60);
    // The reference check runs while the file is renamed aside: a put now writes it again.
    boolean deleted =
        store.deleteIfStale(
            key,
            cutoff,
            () -> {
              try {
                store.put(key, new ByteArrayInputStream(CONTENT));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              return true;
            });
    assertThat(deleted).isTrue(); // the old copy went...
    try (StoredAsset asset = store.open(key).orElseThrow()) { // ...the new one stays
      assertThat(asset.content().readAllBytes()).isEqualTo(CONTENT);
    }
  }

  @Test
  void aFailingReferenceCheckPutsTheAssetBack() throws IOException {
    FilesystemAssetStore store = new FilesystemAssetStore(root);
    AssetKey key = AssetKey.of(CONTENT);
    store.put(key, new ByteArrayInputStream(CONTENT));
    Instant cutoff = Instant.now().plusSeconds(60);
    assertThatThrownBy(
            () ->
                store.deleteIfStale(
                    key,
                    cutoff,
                    () -> {
                      throw new IllegalStateException("database down");
                    }))
        .hasMessage("database down");
    assertThat(store.contains(key)).isTrue();
  }

  @Test
  void recoversFromInterruptedWritesAndDeletions() throws IOException {
    FilesystemAssetStore store = new FilesystemAssetStore(root);
    AssetKey key = AssetKey.of(CONTENT);
    store.put(key, new ByteArrayInputStream(CONTENT));
    Path dir = store.pathOf(key).getParent();
    // A crash between renaming aside and deciding: the asset must come back.
    Files.move(store.pathOf(key), dir.resolve(key.sha256Hex() + ".collecting"));
    Path oldPartial = dir.resolve(".incoming-1.tmp");
    Path freshPartial = dir.resolve(".incoming-2.tmp");
    Files.writeString(oldPartial, "half");
    Files.setLastModifiedTime(oldPartial, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    Files.writeString(freshPartial, "being written");

    assertThat(store.recoverInterrupted(Instant.now().minusSeconds(3600))).isEqualTo(2);

    assertThat(store.contains(key)).isTrue();
    assertThat(oldPartial).doesNotExist();
    assertThat(freshPartial).exists();
  }
}
