package dev.marquee.render.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** An open asset: its size in bytes and a stream over its content, which the caller closes. */
public record StoredAsset(AssetKey key, long size, InputStream content) implements Closeable {
  @Override
  public void close() throws IOException {
    content.close();
  }
}
