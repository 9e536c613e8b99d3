package dev.marquee.experiment.audience.rules;

/** The kind of viewer profile an app reports. */
public enum ProfileType {
  ADULT,
  TEEN,
  KIDS
}
