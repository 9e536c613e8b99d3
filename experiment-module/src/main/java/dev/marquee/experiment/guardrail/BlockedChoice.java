package dev.marquee.experiment.guardrail;

import dev.marquee.experiment.guardrail.rules.BlockRule;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One kind of block the feed counts: on a day, for an entry, the choice (a variant, or the whole
 * entry) a step of the resolution chain made and the rule that withheld it.
 *
 * @param variantId null for a block of the whole entry
 * @param experimentId the experiment whose arm was withheld, or null
 * @param source the step: EXPERIMENT, AUDIENCE_WINNER, DEFAULT, FALLBACK or ENTRY
 */
public record BlockedChoice(
    LocalDate day,
    UUID entryId,
    UUID variantId,
    UUID experimentId,
    UUID audienceGroupId,
    String source,
    BlockRule rule) {

  /** One non-null key for the nullable dimensions (the table's primary key with the day). */
  String key() {
    return entryId
        + "|"
        + (variantId == null ? "-" : variantId)
        + "|"
        + (experimentId == null ? "-" : experimentId)
        + "|"
        + audienceGroupId
        + "|"
        + source
        + "|"
        + rule;
  }
}
