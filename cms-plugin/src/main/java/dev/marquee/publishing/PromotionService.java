package dev.marquee.publishing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Use cases on promotions: propose (by hand or from an experiment's decision), approve with four
 * eyes, reject, publish now or on schedule. Each public method is one transaction; every step is
 * audited, and a publish queues {@code promotion.published} in the same transaction.
 */
@ApplicationScoped
@Transactional
public class PromotionService {
  /** The actor of scheduled publishes in the audit log and on the promotion. */
  public static final String SCHEDULER = "scheduler";

  /** The reviewer recorded when an experiment set to auto-publish skips the second person. */
  public static final String AUTO_PUBLISH = "auto-publish";

  static final int MAX_TEXT = 2000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private PromotionRepository promotions;
  private ArtworkRepository artwork;
  private PromotionTargets targets;
  private AuditLog audit;
  private WebhookOutbox outbox;

  protected PromotionService() {}

  @Inject
  public PromotionService(
      PromotionRepository promotions,
      ArtworkRepository artwork,
      PromotionTargets targets,
      AuditLog audit,
      WebhookOutbox outbox) {
    this.promotions = promotions;
    this.artwork = artwork;
    this.targets = targets;
    this.audit = audit;
    this.outbox = outbox;
  }

  /**
   * @throws ResourceNotFoundException when there is no such promotion
   */
  public Promotion get(UUID id) {
    return promotions
        .find(id)
        .orElseThrow(() -> new ResourceNotFoundException("No promotion with id " + id));
  }

  /** Promotions matching the filter, newest proposal first. */
  public Page<Promotion> list(PromotionFilter filter, String cursor, Integer limit) {
    int size = PageLimit.of(limit);
    String fingerprint = KeysetCursor.fingerprint("promotions\u0001" + filter.canonical());
    KeysetCursor after = KeysetCursor.decode(cursor, fingerprint);
    return Page.fromOverfetch(
        promotions.list(filter, after, size + 1),
        size,
        last ->
            new KeysetCursor(fingerprint, last.getProposedAt().toString(), last.getId()).encode());
  }

  /** A PROPOSED promotion made by hand. */
  public Promotion propose(PromotionDraft draft, String actor) {
    Instant now = AuditLog.now();
    PromotionDraft valid = validated(draft, now);
    Promotion p = new Promotion(valid, actor, now);
    promotions.add(p);
    Map<String, Object> details = describe(p);
    details.put("publishAt", p.getPublishAt() == null ? null : p.getPublishAt().toString());
    record(actor, AuditAction.PROMOTION_PROPOSED, p, "Proposed", details);
    promotions.flush();
    return p;
  }

  /**
   * A proposal from an experiment's decision, joining the decision's transaction. When the
   * experiment is set to auto-publish it is approved and published at once, without a second
   * person; otherwise it waits as PROPOSED.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Promotion proposeFromExperiment(ExperimentProposal proposal, String actor) {
    Instant now = AuditLog.now();
    List<FieldError> errors = new ArrayList<>();
    checkTargets(proposal.entryId(), proposal.audience(), proposal.variantId(), errors);
    if (!errors.isEmpty()) {
      throw new ResourceConflictException(
          "The winning arm cannot be promoted: "
              + errors.get(0).field()
              + " "
              + errors.get(0).message());
    }
    Promotion p = new Promotion(proposal, json(proposal.statistics()), actor, now);
    promotions.add(p);
    Map<String, Object> details = describe(p);
    details.put("statistics", proposal.statistics());
    record(actor, AuditAction.PROMOTION_PROPOSED, p, "Proposed (experiment decision)", details);
    if (proposal.autoPublish()) {
      p.approveAutomatically(AUTO_PUBLISH, now);
      record(
          AUTO_PUBLISH,
          AuditAction.PROMOTION_APPROVED,
          p,
          "Approved without a second person (experiment set to auto-publish)",
          Map.of("experimentId", proposal.experimentId().toString()));
      publishNow(p, actor, null, now);
    }
    promotions.flush();
    return p;
  }

  /**
   * PROPOSED → APPROVED by a second person.
   *
   * @throws FourEyesViolationException when {@code actor} proposed it
   */
  public Promotion approve(UUID id, Long expectedVersion, String comment, String actor) {
    Promotion p = current(id, expectedVersion);
    String why = optionalText(comment, "comment");
    p.approve(actor, why, AuditLog.now());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("comment", why);
    details.put("proposedBy", p.getProposedBy());
    record(actor, AuditAction.PROMOTION_APPROVED, p, "Approved", details);
    promotions.flush();
    return p;
  }

  /** PROPOSED or APPROVED → REJECTED; the comment saying why is required. */
  public Promotion reject(UUID id, Long expectedVersion, String comment, String actor) {
    Promotion p = current(id, expectedVersion);
    String why = optionalText(comment, "comment");
    if (why == null) {
      throw new InvalidInputException(new FieldError("comment", "say why it is rejected"));
    }
    PromotionState before = p.getState();
    p.reject(actor, why, AuditLog.now());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("comment", why);
    details.put("previousState", before.name());
    record(actor, AuditAction.PROMOTION_REJECTED, p, "Rejected", details);
    promotions.flush();
    return p;
  }

  /** APPROVED → PUBLISHED now, whatever its schedule. */
  public Promotion publish(UUID id, Long expectedVersion, String comment, String actor) {
    Promotion p = current(id, expectedVersion);
    String why = optionalText(comment, "comment");
    publishNow(p, actor, why, AuditLog.now());
    promotions.flush();
    return p;
  }

  /** Ids of approved promotions whose publish time has come. */
  public List<UUID> due(int limit) {
    return promotions.due(AuditLog.now(), limit);
  }

  /**
   * Publishes a due promotion if this transaction wins its claim (see {@link
   * PromotionRepository#claimDue}).
   *
   * @return whether it was published here
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean publishIfDue(UUID id) {
    Instant now = AuditLog.now();
    if (!promotions.claimDue(id, now)) {
      return false;
    }
    Promotion p = get(id);
    publishNow(p, SCHEDULER, "scheduled for " + p.getPublishAt(), now);
    promotions.flush();
    return true;
  }

  private void publishNow(Promotion p, String actor, String comment, Instant now) {
    if (p.getState() == PromotionState.APPROVED
        && !targets.variantBelongsToEntry(p.getVariantId(), p.getEntryId())) {
      throw new ResourceConflictException(
          "Variant " + p.getVariantId() + " no longer belongs to entry " + p.getEntryId());
    }
    Audience audience = p.getAudience();
    ArtworkVersion previous = artwork.current(p.getEntryId(), audience).orElse(null);
    int number = previous == null ? 1 : previous.getNumber() + 1;
    // checks the state first, so nothing is written for a promotion that cannot be published
    p.published(actor, number, now);
    artwork.add(ArtworkVersion.published(p, number, actor, now));

    Map<String, Object> details = describe(p);
    details.put("artworkVersion", number);
    details.put("previousVariantId", previous == null ? null : previous.getVariantId().toString());
    details.put("comment", comment);
    details.put("approvedBy", p.getReviewedBy());
    details.put("autoPublish", p.isAutoPublish());
    record(actor, AuditAction.PROMOTION_PUBLISHED, p, "Published", details);

    Map<String, Object> data = new LinkedHashMap<>();
    data.put("promotionId", p.getId().toString());
    data.put("entryId", p.getEntryId().toString());
    data.put("audience", audience.key());
    data.put("variantId", p.getVariantId().toString());
    data.put("artworkVersion", number);
    data.put("previousVariantId", previous == null ? null : previous.getVariantId().toString());
    data.put("experimentId", p.getExperimentId() == null ? null : p.getExperimentId().toString());
    data.put("publishedBy", actor);
    data.put("publishedAt", now.toString());
    outbox.publish(WebhookEventType.PROMOTION_PUBLISHED, data);
  }

  private Promotion current(UUID id, Long expectedVersion) {
    Promotion p = get(id);
    if (expectedVersion != null && p.getVersion() != expectedVersion) {
      throw new StaleVersionException(
          "Promotion " + id + " is at version " + p.getVersion() + ", not " + expectedVersion,
          p.getVersion());
    }
    return p;
  }

  /** Checks the rules the API schema cannot express; returns the draft with its reason trimmed. */
  PromotionDraft validated(PromotionDraft d, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    String reason = d.reason() == null ? "" : d.reason().trim();
    if (reason.isEmpty()) {
      errors.add(new FieldError("reason", "say why this variant should be published"));
    } else if (reason.length() > MAX_TEXT) {
      errors.add(new FieldError("reason", "at most " + MAX_TEXT + " characters"));
    }
    checkTargets(d.entryId(), d.audience(), d.variantId(), errors);
    if (d.publishAt() != null && !d.publishAt().isAfter(now)) {
      errors.add(new FieldError("publishAt", "must be in the future"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(
          errors.size() == 1
              ? errors.get(0).field() + ": " + errors.get(0).message()
              : errors.size() + " fields are invalid.",
          errors);
    }
    return new PromotionDraft(d.entryId(), d.audience(), d.variantId(), reason, d.publishAt());
  }

  private void checkTargets(UUID entryId, Audience audience, UUID variantId, List<FieldError> e) {
    boolean entry = entryId != null && artwork.entryExists(entryId);
    if (!entry) {
      e.add(new FieldError("entryId", "no catalog entry has this id"));
    }
    if (!targets.audienceExists(audience)) {
      e.add(new FieldError("audienceGroupId", "no audience group has this id"));
    }
    if (variantId == null) {
      e.add(new FieldError("variantId", "is required"));
    } else if (entry && !targets.variantBelongsToEntry(variantId, entryId)) {
      e.add(new FieldError("variantId", "is not a variant of this entry"));
    }
  }

  private static String optionalText(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.trim();
    if (trimmed.length() > MAX_TEXT) {
      throw new InvalidInputException(new FieldError(field, "at most " + MAX_TEXT + " characters"));
    }
    return trimmed;
  }

  private static Map<String, Object> describe(Promotion p) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("entryId", p.getEntryId().toString());
    d.put("audience", p.getAudience().key());
    d.put("variantId", p.getVariantId().toString());
    d.put("reason", p.getReason());
    if (p.getExperimentId() != null) {
      d.put("experimentId", p.getExperimentId().toString());
      d.put("armId", p.getArmId() == null ? null : p.getArmId().toString());
    }
    return d;
  }

  private void record(
      String actor, AuditAction action, Promotion p, String verb, Map<String, ?> details) {
    audit.record(
        actor,
        action,
        AuditTarget.PROMOTION,
        p.getId().toString(),
        verb
            + " variant "
            + p.getVariantId()
            + " for entry "
            + p.getEntryId()
            + " ("
            + p.getAudience().key()
            + ")",
        details);
  }

  private static String json(Map<String, ?> statistics) {
    if (statistics == null) {
      return null;
    }
    try {
      return JSON.writeValueAsString(statistics);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("statistics must be JSON-serialisable", e);
    }
  }
}
