/**
 * Region suggestion: the {@link dev.marquee.render.suggest.RegionSuggester} extension point and the
 * built-in detectors. Pure Java (no Jakarta imports), so detectors are tested on real images fast.
 */
package dev.marquee.render.suggest;
