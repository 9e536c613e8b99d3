package dev.marquee.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The fields that differ between two snapshots, as {@code field -> {before, after}}. */
public final class ChangeSet {
  private ChangeSet() {}

  public static Map<String, Object> between(Map<String, ?> before, Map<String, ?> after) {
    Map<String, Object> changes = new LinkedHashMap<>();
    for (String field : after.keySet()) {
      Object was = before.get(field);
      Object is = after.get(field);
      if (!Objects.equals(was, is)) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("before", was);
        change.put("after", is);
        changes.put(field, change);
      }
    }
    return changes;
  }
}
