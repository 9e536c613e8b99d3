package dev.marquee.experiment.lifecycle;

import java.util.UUID;

/** An arm as a client writes it. */
public record ArmDraft(String name, UUID variantId, boolean control, double weight) {}
