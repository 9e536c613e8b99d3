package dev.marquee.render.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The default {@link AssetStore}: one file per asset under {@code root/ab/cd/<sha256>}, two levels
 * of fan-out so no directory holds millions of entries. Writes go to a temporary file in the target
 * directory, are verified against the key and flushed to disk, then renamed atomically into place.
 */
public final class FilesystemAssetStore implements AssetStore {
  private final Path root;

  public FilesystemAssetStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public void put(AssetKey key, InputStream content) throws IOException {
    Path target = pathOf(key);
    if (Files.exists(target)) {
      return;
    }
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
    try {
      MessageDigest digest = AssetKey.sha256();
      try (InputStream in = new DigestInputStream(content, digest);
          OutputStream out = Files.newOutputStream(temp)) {
        in.transferTo(out);
      }
      String actual = HexFormat.of().formatHex(digest.digest());
      if (!actual.equals(key.sha256Hex())) {
        throw new AssetIntegrityException(key, actual);
      }
      forceToDisk(temp);
      moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // A concurrent writer stored the same content first; content addressing makes that fine.
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "asset directory must support atomic renames: " + target.getParent(), e);
    }
  }

  private static void forceToDisk(Path file) throws IOException {
    try (var channel =
        java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  @Override
  public Optional<StoredAsset> open(AssetKey key) throws IOException {
    Path path = pathOf(key);
    try {
      InputStream in = Files.newInputStream(path);
      return Optional.of(new StoredAsset(key, Files.size(path), in));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean contains(AssetKey key) {
    return Files.exists(pathOf(key));
  }

  @Override
  public boolean delete(AssetKey key) throws IOException {
    return Files.deleteIfExists(pathOf(key));
  }

  /** Where the asset with this key lives (whether or not it exists). */
  public Path pathOf(AssetKey key) {
    String hex = key.sha256Hex();
    return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
  }
}
