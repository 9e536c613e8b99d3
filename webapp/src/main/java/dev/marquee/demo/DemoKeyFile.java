package dev.marquee.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the demo app's API key is kept between starts ({@code marquee.demo.key-file}, by default
 * {@code ./marquee-data/demo-app-key} beside the embedded database). Marquee stores only hashes of
 * real keys; this one is kept in plain text because the demo page hands it to every browser anyway
 * (docs/user-guide.md, "The demo"), and only in the embedded mode.
 */
@ApplicationScoped
class DemoKeyFile {
  @Inject
  @ConfigProperty(name = "marquee.demo.key-file", defaultValue = "./marquee-data/demo-app-key")
  String keyFile;

  Optional<String> read() {
    Path path = Path.of(keyFile);
    try {
      return Files.exists(path)
          ? Optional.of(Files.readString(path).strip()).filter(k -> !k.isEmpty())
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the demo key file " + path, e);
    }
  }

  void write(String key) {
    Path path = Path.of(keyFile);
    try {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      Files.writeString(
          path,
          key + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
      try {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the data directory's permissions protect it
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the demo key file " + path, e);
    }
  }

  String location() {
    return Path.of(keyFile).toAbsolutePath().toString();
  }
}
