package dev.marquee.render.store;

import java.time.Instant;

/**
 * An asset as listed for housekeeping: its key, size and when its bytes were last stored (written,
 * or stored again by {@link AssetStore#put} while already present).
 */
public record StoredKey(AssetKey key, long size, Instant lastStored) {}
