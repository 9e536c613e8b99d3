package dev.marquee.tagging;

/** A vocabulary term with the number of entries that carry it. */
public record TagUsage(EngagementTag tag, long usageCount) {}
