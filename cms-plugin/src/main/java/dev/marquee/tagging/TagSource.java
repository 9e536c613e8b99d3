package dev.marquee.tagging;

/**
 * Who put a tag on an entry. Imports replace only their own IMPORTED tags, so editors' MANUAL tags
 * survive re-imports.
 */
public enum TagSource {
  MANUAL,
  IMPORTED,
  SUGGESTED
}
