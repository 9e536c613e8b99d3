package dev.marquee.publishing;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceConflictException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.paging.KeysetCursor;
import dev.marquee.paging.Page;
import dev.marquee.paging.PageLimit;
import dev.marquee.webhook.WebhookEventType;
import dev.marquee.webhook.WebhookOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The published artwork of entries: the current version per audience, the history, and rollback (a
 * new version showing an earlier version's variant, audited, with {@code promotion.rolled_back}
 * queued in the same transaction).
 */
@ApplicationScoped
@Transactional
public class ArtworkService {
  private ArtworkRepository artwork;
  private AuditLog audit;
  private WebhookOutbox outbox;

  protected ArtworkService() {}

  @Inject
  public ArtworkService(ArtworkRepository artwork, AuditLog audit, WebhookOutbox outbox) {
    this.artwork = artwork;
    this.audit = audit;
    this.outbox = outbox;
  }

  /** The current version of every audience that has one, {@code all} first. */
  public List<ArtworkVersion> currentOfEntry(UUID entryId) {
    requireEntry(entryId);
    return artwork.currentOfEntry(entryId);
  }

  /**
   * @throws ResourceNotFoundException when nothing was published for (entry, audience)
   */
  public ArtworkVersion current(UUID entryId, Audience audience) {
    requireEntry(entryId);
    return artwork
        .current(entryId, audience)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "No artwork was published for entry "
                        + entryId
                        + " and audience "
                        + audience.key()));
  }

  /** Versions of (entry, audience), newest first. */
  public Page<ArtworkVersion> history(
      UUID entryId, Audience audience, String cursor, Integer limit) {
    requireEntry(entryId);
    int size = PageLimit.of(limit);
    String fingerprint =
        KeysetCursor.fingerprint("artwork\u0001" + entryId + "\u0001" + audience.key());
    KeysetCursor after = KeysetCursor.decode(cursor, fingerprint);
    Integer before = after == null ? null : Integer.valueOf(after.sortKey());
    return Page.fromOverfetch(
        artwork.history(entryId, audience, before, size + 1),
        size,
        last ->
            new KeysetCursor(fingerprint, Integer.toString(last.getNumber()), last.getId())
                .encode());
  }

  /**
   * Shows the variant of version {@code toVersion} again, as a new version.
   *
   * @param expectedCurrent the version number the client read (If-Match), or null for any
   */
  public ArtworkVersion rollBack(
      UUID entryId,
      Audience audience,
      Integer expectedCurrent,
      int toVersion,
      String reason,
      String actor) {
    ArtworkVersion current = current(entryId, audience);
    if (expectedCurrent != null && current.getNumber() != expectedCurrent) {
      throw new StaleVersionException(
          "The artwork of entry "
              + entryId
              + " ("
              + audience.key()
              + ") is at version "
              + current.getNumber()
              + ", not "
              + expectedCurrent,
          current.getNumber());
    }
    String why = reason == null ? "" : reason.trim();
    if (why.isEmpty() || why.length() > PromotionService.MAX_TEXT) {
      throw new InvalidInputException(
          new FieldError("reason", "say why (1 to " + PromotionService.MAX_TEXT + " characters)"));
    }
    if (toVersion < 1 || toVersion >= current.getNumber()) {
      throw new InvalidInputException(
          new FieldError(
              "toVersion",
              "must be an earlier version than the current one (" + current.getNumber() + ")"));
    }
    ArtworkVersion restored =
        artwork
            .find(entryId, audience, toVersion)
            .orElseThrow(
                () -> new InvalidInputException(new FieldError("toVersion", "no such version")));
    if (restored.getVariantId().equals(current.getVariantId())) {
      throw new ResourceConflictException(
          "Version "
              + toVersion
              + " shows variant "
              + restored.getVariantId()
              + ", which the current version "
              + current.getNumber()
              + " already shows");
    }
    Instant now = AuditLog.now();
    ArtworkVersion next =
        ArtworkVersion.rollback(restored, current.getNumber() + 1, why, actor, now);
    artwork.add(next);

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("entryId", entryId.toString());
    details.put("audience", audience.key());
    details.put("artworkVersion", next.getNumber());
    details.put("restoredVersion", toVersion);
    details.put("variantId", next.getVariantId().toString());
    details.put("previousVariantId", current.getVariantId().toString());
    details.put("reason", why);
    audit.record(
        actor,
        AuditAction.ARTWORK_ROLLED_BACK,
        AuditTarget.ARTWORK,
        entryId + "/" + audience.key(),
        "Rolled the artwork of entry "
            + entryId
            + " ("
            + audience.key()
            + ") back to version "
            + toVersion,
        details);

    Map<String, Object> data = new LinkedHashMap<>(details);
    data.put("rolledBackBy", actor);
    data.put("rolledBackAt", now.toString());
    outbox.publish(WebhookEventType.PROMOTION_ROLLED_BACK, data);
    return next;
  }

  private void requireEntry(UUID entryId) {
    if (!artwork.entryExists(entryId)) {
      throw new ResourceNotFoundException("No entry with id " + entryId);
    }
  }
}
