package dev.marquee.render.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The default {@link AssetStore}: one file per asset under {@code root/ab/cd/<sha256>}, two levels
 * of fan-out so no directory holds millions of entries. Writes go to a temporary file in the target
 * directory, are verified against the key and flushed to disk, then renamed atomically into place.
 *
 * <p>When an asset was last stored is its file's modification time: storing present content again
 * touches the file. A deletion by the orphan collector first renames the file aside ({@code
 * <sha256>.collecting}), then re-checks the time and the references: a put that found the file
 * before the rename has touched it (kept), one that comes after finds nothing and writes it again.
 * Several nodes may share the directory (for example over NFS), as renames are atomic.
 */
public final class FilesystemAssetStore implements AssetStore {
  private final Path root;

  public FilesystemAssetStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  private static final String COLLECTING = ".collecting";
  private static final String INCOMING_PREFIX = ".incoming-";

  @Override
  public void put(AssetKey key, InputStream content) throws IOException {
    Path target = pathOf(key);
    if (Files.exists(target)) {
      try {
        Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
        return;
      } catch (NoSuchFileException beingCollected) {
        // The collector renamed it aside a moment ago: store the content again.
      }
    }
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), INCOMING_PREFIX, ".tmp");
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

  @Override
  public Stream<StoredKey> list() throws IOException {
    if (!Files.isDirectory(root)) {
      return Stream.empty();
    }
    return Files.find(
            root,
            3,
            (path, attributes) ->
                attributes.isRegularFile() && AssetKey.isValid(path.getFileName().toString()))
        .map(FilesystemAssetStore::describe)
        .filter(java.util.Objects::nonNull);
  }

  private static StoredKey describe(Path path) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return new StoredKey(
          new AssetKey(path.getFileName().toString()),
          attributes.size(),
          attributes.lastModifiedTime().toInstant());
    } catch (NoSuchFileException deletedMeanwhile) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean deleteIfStale(AssetKey key, Instant storedBefore, BooleanSupplier unreferenced)
      throws IOException {
    Path path = pathOf(key);
    Path aside = path.resolveSibling(key.sha256Hex() + COLLECTING);
    try {
      Files.move(path, aside, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException gone) {
      return false;
    }
    // From here on a put of this key writes a new file instead of touching this one.
    boolean deleted = false;
    try {
      boolean stale = Files.getLastModifiedTime(aside).toInstant().isBefore(storedBefore);
      if (stale && unreferenced.getAsBoolean()) {
        Files.deleteIfExists(aside);
        deleted = true;
      }
    } finally {
      if (!deleted) {
        putBack(aside, path);
      }
    }
    return deleted;
  }

  /** Returns a file renamed aside to its key, unless the key was written again meanwhile. */
  private static void putBack(Path aside, Path path) throws IOException {
    if (Files.exists(path)) {
      Files.deleteIfExists(aside); // a newer copy of the same bytes is in place
    } else {
      Files.move(aside, path, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  @Override
  public int recoverInterrupted(Instant before) throws IOException {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    List<Path> leftovers;
    try (Stream<Path> found =
        Files.find(
            root,
            3,
            (path, attributes) -> {
              String name = path.getFileName().toString();
              return attributes.isRegularFile()
                  && (name.endsWith(COLLECTING)
                      || (name.startsWith(INCOMING_PREFIX)
                          && attributes.lastModifiedTime().toInstant().isBefore(before)));
            })) {
      leftovers = found.toList();
    }
    int handled = 0;
    for (Path leftover : leftovers) {
      String name = leftover.getFileName().toString();
      try {
        if (name.endsWith(COLLECTING)) {
          String hex = name.substring(0, name.length() - COLLECTING.length());
          if (!AssetKey.isValid(hex)) {
            continue;
          }
          putBack(leftover, leftover.resolveSibling(hex));
        } else {
          Files.deleteIfExists(leftover);
        }
        handled++;
      } catch (NoSuchFileException handledElsewhere) {
        // another node's collector got there first
      }
    }
    return handled;
  }

  /** Where the asset with this key lives (whether or not it exists). */
  public Path pathOf(AssetKey key) {
    String hex = key.sha256Hex();
    return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
  }
}
