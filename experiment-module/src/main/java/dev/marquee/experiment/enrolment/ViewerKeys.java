package dev.marquee.experiment.enrolment;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns viewer ids into pseudonymous keys: {@code hex(HMAC-SHA256(key, viewerId))}. Only keys are
 * stored; without the server's secret they cannot be linked back to viewer ids.
 *
 * <p>The secret is {@code marquee.privacy.viewer-key} (base64, at least 32 bytes decoded). When it
 * is unset, it is read from {@code marquee.privacy.viewer-key-file}, and that file is created with
 * 32 random bytes on first start (the embedded mode's {@code ./marquee-data/viewer-key}). Every
 * node of a cluster must share the secret.
 */
@ApplicationScoped
public class ViewerKeys {
  private static final Logger LOG = Logger.getLogger(ViewerKeys.class.getName());
  private static final String ALGORITHM = "HmacSHA256";
  private static final int KEY_BYTES = 32;

  @Inject
  @ConfigProperty(name = "marquee.privacy.viewer-key")
  Optional<String> configuredKey;

  @Inject
  @ConfigProperty(
      name = "marquee.privacy.viewer-key-file",
      defaultValue = "./marquee-data/viewer-key")
  String keyFile;

  private SecretKeySpec secret;

  protected ViewerKeys() {}

  /** Keys made with the given base64 secret (outside a container). */
  public ViewerKeys(String base64Secret) {
    this.secret = new SecretKeySpec(decode(base64Secret), ALGORITHM);
  }

  @PostConstruct
  void init() {
    byte[] key =
        configuredKey.filter(k -> !k.isBlank()).map(ViewerKeys::decode).orElseGet(this::fromFile);
    this.secret = new SecretKeySpec(key, ALGORITHM);
  }

  // Mac is not thread-safe, and event ingestion keys every event: one initialised Mac per thread
  // (doFinal resets it) instead of a provider lookup and key set-up per call
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  /** The pseudonymous key of a viewer id (64 hex characters). */
  public String keyOf(String viewerId) {
    return HexFormat.of().formatHex(macs.get().doFinal(viewerId.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(secret);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  private static byte[] decode(String base64) {
    byte[] key = Base64.getDecoder().decode(base64.trim());
    if (key.length < KEY_BYTES) {
      throw new IllegalStateException(
          "marquee.privacy.viewer-key must decode to at least " + KEY_BYTES + " bytes");
    }
    return key;
  }

  private byte[] fromFile() {
    Path path = Path.of(keyFile);
    try {
      if (!Files.exists(path)) {
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        if (path.getParent() != null) {
          Files.createDirectories(path.getParent());
        }
        try {
          Files.writeString(
              path, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.CREATE_NEW);
          restrictToOwner(path);
          LOG.info("Generated a viewer-key secret in " + path.toAbsolutePath());
        } catch (FileAlreadyExistsException raced) {
          // another node or thread created it first; use theirs
        }
      }
      return decode(Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the viewer-key file " + path, e);
    }
  }

  private static void restrictToOwner(Path path) {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: the directory's permissions protect it
    }
  }
}
