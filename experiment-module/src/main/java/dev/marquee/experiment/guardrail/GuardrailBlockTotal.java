package dev.marquee.experiment.guardrail;

import dev.marquee.experiment.guardrail.rules.BlockRule;
import java.util.UUID;

/** Blocks of one kind summed over a range of days. */
public record GuardrailBlockTotal(
    UUID entryId,
    UUID variantId,
    UUID experimentId,
    UUID audienceGroupId,
    String source,
    BlockRule rule,
    long count) {}
