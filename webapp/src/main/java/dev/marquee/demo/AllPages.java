package dev.marquee.demo;

import dev.marquee.paging.Page;
import dev.marquee.paging.PageLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Reads every page of a cursor-paged list (the demo's lists are short). */
final class AllPages {
  private AllPages() {}

  /**
   * @param pages the list call: (cursor, limit) → one page
   */
  static <T> List<T> of(BiFunction<String, Integer, Page<T>> pages) {
    List<T> all = new ArrayList<>();
    String cursor = null;
    do {
      Page<T> page = pages.apply(cursor, PageLimit.MAX);
      all.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
  }
}
