package dev.marquee.render.region;

/** A region after a write, and whether the write created it. */
public record RegionChange(TaggedRegion region, boolean created) {}
