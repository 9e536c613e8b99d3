package dev.marquee.render.store;

import java.io.IOException;

/** The bytes offered for a key did not hash to it; nothing was stored. */
public class AssetIntegrityException extends IOException {
  public AssetIntegrityException(AssetKey expected, String actual) {
    super("content hashes to " + actual + ", not to its key " + expected);
  }
}
