package dev.marquee.publishing;

import dev.marquee.errors.ResourceConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * A proposal to show one variant as the artwork of (entry, audience). Owns its state machine: a
 * transition not allowed in the current state answers {@link ResourceConflictException} (409)
 * naming it; approval by the proposer answers {@link FourEyesViolationException}.
 */
@Entity
@Table(name = "promotion")
public class Promotion {
  @Id private UUID id;

  @Column(name = "entry_id", nullable = false)
  private UUID entryId;

  @Column(name = "audience_key", nullable = false, length = 36)
  private String audienceKey;

  @Column(name = "variant_id", nullable = false)
  private UUID variantId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PromotionState state;

  @Column(nullable = false, length = 2000)
  private String reason;

  @Column(name = "publish_at")
  private Instant publishAt;

  @Column(name = "experiment_id")
  private UUID experimentId;

  @Column(name = "arm_id")
  private UUID armId;

  /** JSON snapshot of the experiment's statistics when it decided. */
  @Column(length = 1_000_000)
  private String statistics;

  @Column(name = "auto_publish", nullable = false)
  private boolean autoPublish;

  @Column(name = "proposed_by", nullable = false, length = 200)
  private String proposedBy;

  @Column(name = "proposed_at", nullable = false)
  private Instant proposedAt;

  @Column(name = "reviewed_by", length = 200)
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "review_comment", length = 2000)
  private String reviewComment;

  @Column(name = "published_by", length = 200)
  private String publishedBy;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "artwork_version")
  private Integer artworkVersion;

  @Version private long version;

  protected Promotion() {}

  /** A new PROPOSED promotion made by hand. */
  Promotion(PromotionDraft draft, String actor, Instant now) {
    this(draft.entryId(), draft.audience(), draft.variantId(), draft.reason(), actor, now);
    this.publishAt = draft.publishAt();
  }

  /** A new PROPOSED promotion from an experiment's decision. */
  Promotion(ExperimentProposal proposal, String statisticsJson, String actor, Instant now) {
    this(
        proposal.entryId(),
        proposal.audience(),
        proposal.variantId(),
        proposal.reason(),
        actor,
        now);
    this.experimentId = proposal.experimentId();
    this.armId = proposal.armId();
    this.statistics = statisticsJson;
    this.autoPublish = proposal.autoPublish();
  }

  private Promotion(
      UUID entryId, Audience audience, UUID variantId, String reason, String actor, Instant now) {
    this.id = UUID.randomUUID();
    this.entryId = entryId;
    this.audienceKey = audience.key();
    this.variantId = variantId;
    this.reason = reason;
    this.state = PromotionState.PROPOSED;
    this.proposedBy = actor;
    this.proposedAt = now;
  }

  /**
   * PROPOSED → APPROVED by someone other than the proposer.
   *
   * @throws FourEyesViolationException when the approver proposed it
   */
  void approve(String actor, String comment, Instant now) {
    require("approve", PromotionState.PROPOSED);
    if (actor.equals(proposedBy)) {
      throw new FourEyesViolationException(
          actor + " proposed promotion " + id + "; another publisher must approve it.");
    }
    review(PromotionState.APPROVED, actor, comment, now);
  }

  /**
   * PROPOSED → APPROVED without a second person: only for a proposal from an experiment set to
   * auto-publish.
   */
  void approveAutomatically(String actor, Instant now) {
    require("auto-approve", PromotionState.PROPOSED);
    if (!autoPublish) {
      throw new IllegalStateException("promotion " + id + " is not set to auto-publish");
    }
    review(PromotionState.APPROVED, actor, "auto-publish", now);
  }

  /** PROPOSED or APPROVED → REJECTED. */
  void reject(String actor, String comment, Instant now) {
    require("reject", PromotionState.PROPOSED, PromotionState.APPROVED);
    review(PromotionState.REJECTED, actor, comment, now);
  }

  /** APPROVED → PUBLISHED as the given artwork version. */
  void published(String actor, int artworkVersion, Instant now) {
    require("publish", PromotionState.APPROVED);
    this.state = PromotionState.PUBLISHED;
    this.publishedBy = actor;
    this.publishedAt = now;
    this.artworkVersion = artworkVersion;
  }

  /** Whether the scheduler should publish it at {@code now}. */
  boolean isDue(Instant now) {
    return state == PromotionState.APPROVED && publishAt != null && !publishAt.isAfter(now);
  }

  private void review(PromotionState next, String actor, String comment, Instant now) {
    this.state = next;
    this.reviewedBy = actor;
    this.reviewedAt = now;
    this.reviewComment = comment;
  }

  private void require(String action, PromotionState... allowed) {
    if (!Arrays.asList(allowed).contains(state)) {
      throw new ResourceConflictException(
          "Cannot "
              + action
              + " promotion "
              + id
              + ": it is "
              + state
              + " ("
              + action
              + " needs "
              + Arrays.toString(allowed)
              + ")");
    }
  }

  public UUID getId() {
    return id;
  }

  public UUID getEntryId() {
    return entryId;
  }

  public Audience getAudience() {
    return Audience.parse(audienceKey, "audience");
  }

  public UUID getVariantId() {
    return variantId;
  }

  public PromotionState getState() {
    return state;
  }

  public String getReason() {
    return reason;
  }

  public Instant getPublishAt() {
    return publishAt;
  }

  public UUID getExperimentId() {
    return experimentId;
  }

  public UUID getArmId() {
    return armId;
  }

  /** JSON, or null for proposals made by hand. */
  public String getStatistics() {
    return statistics;
  }

  public boolean isAutoPublish() {
    return autoPublish;
  }

  public String getProposedBy() {
    return proposedBy;
  }

  public Instant getProposedAt() {
    return proposedAt;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }

  public Instant getReviewedAt() {
    return reviewedAt;
  }

  public String getReviewComment() {
    return reviewComment;
  }

  public String getPublishedBy() {
    return publishedBy;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public Integer getArtworkVersion() {
    return artworkVersion;
  }

  public long getVersion() {
    return version;
  }
}
