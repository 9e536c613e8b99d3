package dev.marquee.render.source;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.catalog.CatalogEntry;
import dev.marquee.catalog.CatalogService;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.render.engine.ImageLimits;
import dev.marquee.render.engine.ImageRejectedException;
import dev.marquee.render.engine.SourceDecoder;
import dev.marquee.render.engine.SourceImageInspector;
import dev.marquee.render.store.AssetKey;
import dev.marquee.render.store.AssetStore;
import dev.marquee.render.store.StoredAsset;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Accepts, lists and deletes source images. An upload is checked on its header (format and limits)
 * before anything is decoded, decoded once into a small preview, stored under its SHA-256 and
 * recorded; a rejected file leaves neither a row nor a blob.
 */
@ApplicationScoped
@Transactional
public class SourceImageService {
  /** Longest side of the preview decoded on upload for detectors (faces stay recognisable). */
  public static final int PREVIEW_SIDE = 1024;

  private static final Logger LOG = Logger.getLogger(SourceImageService.class.getName());

  @Inject SourceImageRepository images;
  @Inject CatalogService catalog;
  @Inject AssetStore store;
  @Inject AuditLog audit;
  @Inject ImageLimits limits;
  @Inject Event<SourceImageUploaded> uploaded;
  @Resource TransactionSynchronizationRegistry transactions;

  /** The byte limit uploads are spooled under. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long maxBytes() {
    return limits.maxBytes();
  }

  /**
   * Records the spooled file as a source image of the entry, or returns the entry's image with the
   * same content.
   *
   * @param originalName the client's file name, for display only (cleaned here)
   * @throws ResourceNotFoundException when the entry does not exist
   * @throws ImageRejectedException when the file is not an acceptable image (nothing is stored)
   */
  public UploadResult upload(
      UUID entryId, SpooledUpload upload, String originalName, String actor) {
    CatalogEntry entry = catalog.get(entryId);
    AssetKey key = upload.key();
    var existing = images.findByContent(entryId, key);
    if (existing.isPresent()) {
      return new UploadResult(existing.get(), false);
    }
    SourceDecoder decoder = new SourceDecoder(new SourceImageInspector(limits));
    dev.marquee.render.engine.SourceImage source = decoder.open(readAll(upload));
    // The one decode of an upload: subsampled while reading, so memory follows the preview size.
    BufferedImage preview = decoder.thumbnail(source, PREVIEW_SIDE);
    storeUntilRollback(key, upload);
    SourceImage image =
        new SourceImage(
            entry,
            key,
            source.probe().format(),
            source.displayedWidth(),
            source.displayedHeight(),
            upload.size(),
            OriginalNames.clean(originalName),
            actor,
            AuditLog.now());
    images.add(image);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("contentHash", key.sha256Hex());
    details.put("format", image.getFormat().name());
    details.put("width", image.getWidth());
    details.put("height", image.getHeight());
    details.put("byteSize", image.getByteSize());
    audit.record(
        actor,
        AuditAction.SOURCE_IMAGE_UPLOADED,
        AuditTarget.SOURCE_IMAGE,
        image.getId().toString(),
        "Uploaded a "
            + image.getWidth()
            + "×"
            + image.getHeight()
            + " "
            + image.getFormat()
            + " for "
            + entry.getExternalId(),
        details);
    uploaded.fire(new SourceImageUploaded(image, preview));
    return new UploadResult(image, true);
  }

  /**
   * @throws ResourceNotFoundException when there is no such image
   */
  public SourceImage get(UUID imageId) {
    return images
        .find(imageId)
        .orElseThrow(() -> new ResourceNotFoundException("No source image with id " + imageId));
  }

  /**
   * The entry's images, oldest first.
   *
   * @throws ResourceNotFoundException when the entry does not exist
   */
  public List<SourceImage> list(UUID entryId) {
    catalog.get(entryId);
    return images.listByEntry(entryId);
  }

  /**
   * The image's original bytes; the caller closes them.
   *
   * @throws ResourceNotFoundException when there is no such image
   */
  public StoredAsset openContent(UUID imageId) {
    SourceImage image = get(imageId);
    try {
      return store
          .open(image.getContentKey())
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "asset store lost the content " + image.getContentKey() + " of " + imageId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes the image (its regions and suggestions go with it in the database) and, after commit,
   * its bytes unless another image has the same content.
   *
   * @throws StaleVersionException when {@code expectedVersion} is not the current one
   */
  public void delete(UUID imageId, OptionalLong expectedVersion, String actor) {
    SourceImage image = get(imageId);
    if (expectedVersion.isPresent() && expectedVersion.getAsLong() != image.getVersion()) {
      throw new StaleVersionException(
          "The source image is at version " + image.getVersion(), image.getVersion());
    }
    AssetKey key = image.getContentKey();
    UUID entryId = image.getEntry().getId();
    images.remove(image);
    if (!images.isContentReferenced(key)) {
      afterCommit(() -> deleteBlob(key));
    }
    audit.record(
        actor,
        AuditAction.SOURCE_IMAGE_DELETED,
        AuditTarget.SOURCE_IMAGE,
        imageId.toString(),
        "Deleted a source image of entry " + entryId,
        Map.of("entryId", entryId.toString(), "contentHash", key.sha256Hex()));
  }

  private static byte[] readAll(SpooledUpload upload) {
    try {
      return upload.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Puts the bytes into the store; if this call added them and the transaction then rolls back (a
   * concurrent duplicate, a failing observer), they are removed again so no orphan is left.
   */
  private void storeUntilRollback(AssetKey key, SpooledUpload upload) {
    try {
      boolean added = !store.contains(key);
      try (InputStream in = upload.open()) {
        store.put(key, in);
      }
      if (added) {
        afterRollback(() -> deleteBlob(key));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deleteBlob(AssetKey key) {
    try {
      store.delete(key);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete asset " + key + "; it is now unreferenced", e);
    }
  }

  private void afterCommit(Runnable action) {
    onCompletion(true, action);
  }

  private void afterRollback(Runnable action) {
    onCompletion(false, action);
  }

  private void onCompletion(boolean committed, Runnable action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if ((status == Status.STATUS_COMMITTED) == committed) {
              action.run();
            }
          }
        });
  }
}
