package dev.marquee.experiment.audience.rules;

/** The class of device a viewer watches on. */
public enum DeviceClass {
  TV,
  MOBILE,
  WEB,
  TABLET,
  CONSOLE,
  OTHER
}
