package dev.marquee.render.region;

/** Who placed a tagged region: an editor, or a detector whose suggestion an editor accepted. */
public enum RegionOrigin {
  MANUAL,
  SUGGESTED
}
