package dev.marquee.publishing;

/** Where a promotion is: PROPOSED → APPROVED → PUBLISHED, or PROPOSED/APPROVED → REJECTED. */
public enum PromotionState {
  PROPOSED,
  APPROVED,
  PUBLISHED,
  REJECTED
}
