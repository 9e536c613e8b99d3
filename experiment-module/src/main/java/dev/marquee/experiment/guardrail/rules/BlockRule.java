package dev.marquee.experiment.guardrail.rules;

/** Why a guardrail withheld something from a viewer. */
public enum BlockRule {
  /** The variant carries a tag flagged for the viewer's profile type. */
  MATURITY_TAG,
  /** The variant was rendered with a template flagged for the viewer's profile type. */
  MATURITY_TEMPLATE,
  /** The entry is rated above the profile type's age limit (the whole entry is withheld). */
  ENTRY_AGE,
  /** The variant is forbidden in the viewer's country or subdivision. */
  REGION_VARIANT,
  /** The variant shows a cast member forbidden in the viewer's country or subdivision. */
  REGION_CAST
}
