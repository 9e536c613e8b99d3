package dev.marquee.render.engine;

import java.util.List;

/**
 * How a variant will be rendered, decided before decoding: one crop per output size (displayed
 * coordinates), the single region decoded for all of them, and the shrink-on-load factor.
 */
public record RenderPlan(List<PixelRect> crops, PixelRect decodeRegion, int shrink) {}
