package dev.marquee.experiment.results;

import java.util.List;
import java.util.UUID;

/** Results of one audience group (null id: pooled), control first. */
public record GroupSummary(UUID audienceGroupId, List<ArmSummary> arms) {}
