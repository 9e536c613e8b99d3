package dev.marquee.publishing;

import java.util.Map;
import java.util.UUID;

/**
 * A proposal handed over by an experiment's decision: the explicitly named winning arm's variant.
 *
 * @param statistics the experiment's statistics when it decided, JSON-serialisable
 * @param autoPublish publish at once, without a second person (the experiment was set to do so)
 */
public record ExperimentProposal(
    UUID entryId,
    Audience audience,
    UUID variantId,
    String reason,
    UUID experimentId,
    UUID armId,
    Map<String, ?> statistics,
    boolean autoPublish) {}
