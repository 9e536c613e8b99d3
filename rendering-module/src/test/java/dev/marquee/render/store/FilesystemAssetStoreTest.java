package dev.marquee.render.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
