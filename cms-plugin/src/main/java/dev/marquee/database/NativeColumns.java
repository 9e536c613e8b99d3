package dev.marquee.database;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Reads cells of native-query rows whose Java type differs between the databases: a {@code uuid}
 * column comes back as a {@link UUID} from PostgreSQL and as 16 bytes from H2.
 */
public final class NativeColumns {
  private NativeColumns() {}

  /** The cell as a UUID, or null. */
  public static UUID uuid(Object cell) {
    if (cell == null) {
      return null;
    }
    if (cell instanceof UUID u) {
      return u;
    }
    if (cell instanceof byte[] b && b.length == 16) {
      ByteBuffer buf = ByteBuffer.wrap(b);
      return new UUID(buf.getLong(), buf.getLong());
    }
    return UUID.fromString(cell.toString());
  }
}
