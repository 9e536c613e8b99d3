package dev.marquee.it;

import dev.marquee.render.store.FilesystemAssetStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The asset store directory the test server writes to (failsafe sets MARQUEE_ASSETS_DIRECTORY for
 * this JVM and the server it starts), so tests can see exactly which blobs exist.
 */
final class AssetDirectory {
  private AssetDirectory() {}

  static Path root() {
    String dir = System.getenv("MARQUEE_ASSETS_DIRECTORY");
    if (dir == null) {
      throw new IllegalStateException("MARQUEE_ASSETS_DIRECTORY is not set for the tests");
    }
    return Path.of(dir);
  }

  /** The store itself, to place assets the render pipeline would write. */
  static FilesystemAssetStore store() {
    return new FilesystemAssetStore(root());
  }

  /** Every file under the store (complete assets and any leftovers), by name. */
  static Set<String> files() {
    Path root = root();
    if (!Files.exists(root)) {
      return Set.of();
    }
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
