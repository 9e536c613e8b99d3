package dev.marquee.tagging;

/** The dimension an engagement tag describes. */
public enum TagKind {
  EMOTION,
  THEME,
  CAST,
  CHARACTER_ROLE,
  SETTING,
  CUSTOM
}
