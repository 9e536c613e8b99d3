package dev.marquee.paging;

import java.util.List;

/**
 * One page of a keyset-paginated list.
 *
 * @param items the items in sort order
 * @param nextCursor the cursor for the following page, or {@code null} when this is the last page
 */
public record Page<T>(List<T> items, String nextCursor) {
  public Page {
    items = List.copyOf(items);
  }
}
