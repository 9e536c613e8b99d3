package dev.marquee.experiment.audience;

import dev.marquee.experiment.audience.rules.Resolution;
import dev.marquee.experiment.audience.rules.ViewerFacts;

/** A resolution with the facts it was computed from. */
public record ExplainedResolution(ViewerFacts facts, Resolution resolution) {}
