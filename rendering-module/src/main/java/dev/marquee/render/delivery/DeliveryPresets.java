package dev.marquee.render.delivery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The named widths {@code /assets/{preset}/…} may downscale a rendition to, parsed from {@code
 * name=width,name=width}. Only these sizes exist, so a URL can never ask for arbitrary work or fill
 * a CDN with one copy per pixel width.
 */
record DeliveryPresets(Map<String, Integer> widths) {
  static final int MIN_WIDTH = 16;
  static final int MAX_WIDTH = 4096;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  DeliveryPresets {
    widths = Collections.unmodifiableMap(new LinkedHashMap<>(widths));
  }

  /**
   * @param list e.g. {@code thumb=160,small=342}; blank for none
   * @throws IllegalArgumentException naming the first bad item
   */
  static DeliveryPresets parse(String list) {
    Map<String, Integer> widths = new LinkedHashMap<>();
    if (list == null || list.isBlank()) {
      return new DeliveryPresets(widths);
    }
    for (String item : list.split(",")) {
      String[] parts = item.trim().split("=", -1);
      if (parts.length != 2 || !NAME.matcher(parts[0].trim()).matches()) {
        throw new IllegalArgumentException(
            "delivery preset '"
                + item.trim()
                + "' is not name=width (name: lowercase letters, digits and '-', up to 32)");
      }
      String name = parts[0].trim();
      int width;
      try {
        width = Integer.parseInt(parts[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("delivery preset '" + name + "' has no whole width");
      }
      if (width < MIN_WIDTH || width > MAX_WIDTH) {
        throw new IllegalArgumentException(
            "delivery preset '"
                + name
                + "' width must be "
                + MIN_WIDTH
                + ".."
                + MAX_WIDTH
                + ", was "
                + width);
      }
      if (widths.put(name, width) != null) {
        throw new IllegalArgumentException("delivery preset '" + name + "' is defined twice");
      }
    }
    return new DeliveryPresets(widths);
  }

  Optional<Integer> width(String name) {
    return Optional.ofNullable(widths.get(name));
  }
}
