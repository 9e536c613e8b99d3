package dev.marquee.paging;

import java.util.List;
import java.util.function.Function;

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

  /**
   * The page from a keyset query that fetched up to {@code size + 1} rows: the extra row only says
   * that a next page exists, whose cursor {@code cursorAfter} makes from this page's last item.
   */
  public static <T> Page<T> fromOverfetch(
      List<T> rows, int size, Function<? super T, String> cursorAfter) {
    if (rows.size() <= size) {
      return new Page<>(rows, null);
    }
    List<T> items = rows.subList(0, size);
    return new Page<>(items, cursorAfter.apply(items.get(size - 1)));
  }
}
