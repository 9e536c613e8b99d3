package dev.marquee.render.template;

import dev.marquee.errors.FieldError;
import dev.marquee.render.engine.Anchor;
import dev.marquee.render.engine.BundledFonts;
import dev.marquee.render.engine.CropStrategy;
import dev.marquee.render.engine.Placement;
import dev.marquee.render.store.AssetKey;
import dev.marquee.render.template.TemplateDefinition.OverlayDefinition;
import dev.marquee.render.template.TemplateDefinition.Rect;
import dev.marquee.render.template.TemplateDefinition.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a definition against everything the engine can render, reporting every problem as a field
 * error with its JSON path under {@code definition}, so a client fixes all of them in one round.
 */
public final class TemplateDefinitionValidator {
  /** Largest width or height of a rendition; well below the engine's hard limit. */
  public static final int MAX_SIDE = 4096;

  public static final int MAX_OVERLAYS = 16;
  public static final int MAX_SIZES = 16;

  static final String AVIF_UNSUPPORTED =
      "AVIF is not supported: no maintained AVIF encoder is available as pure Java or as a bundled"
          + " native library on Maven Central; use WEBP or JPEG";

  private static final Set<String> FORMATS = Set.of("JPEG", "PNG", "WEBP");

  /** Which overlay fields each overlay type uses; any other non-null field is an error. */
  private static final Map<String, Set<String>> FIELDS =
      Map.of(
          "SCRIM", Set.of("edge", "extent", "color"),
          "TEXT", Set.of("text", "box", "anchor", "font", "size", "color", "shadow", "maxLines"),
          "LOGO", Set.of("asset", "anchor", "width"),
          "BADGE", Set.of("label", "anchor", "font", "size", "color", "fill"));

  private final Predicate<String> knownLogo;

  /**
   * @param knownLogo whether an asset key names a stored PNG usable as a logo
   */
  public TemplateDefinitionValidator(Predicate<String> knownLogo) {
    this.knownLogo = knownLogo;
  }

  /** Every problem of the definition; empty when it can be rendered. */
  public List<FieldError> validate(TemplateDefinition definition) {
    List<FieldError> errors = new ArrayList<>();
    String p = "definition";
    if (definition == null) {
      errors.add(new FieldError(p, "is required"));
      return errors;
    }
    crop(definition.crop(), p + ".crop", errors);
    sizes(definition, p, errors);
    format(definition.format(), p + ".format", errors);
    if (definition.background() != null && !Colors.isValid(definition.background(), false)) {
      errors.add(new FieldError(p + ".background", "must be a colour #RRGGBB"));
    }
    if (definition.safeArea() != null) {
      rect(definition.safeArea(), p + ".safeArea", errors);
    }
    List<OverlayDefinition> overlays = definition.overlays();
    if (overlays.size() > MAX_OVERLAYS) {
      errors.add(new FieldError(p + ".overlays", "at most " + MAX_OVERLAYS + " overlays"));
    }
    for (int i = 0; i < overlays.size(); i++) {
      overlay(overlays.get(i), p + ".overlays[" + i + "]", errors);
    }
    return errors;
  }

  private static void crop(TemplateDefinition.Crop crop, String p, List<FieldError> errors) {
    if (crop == null) {
      errors.add(new FieldError(p, "is required"));
      return;
    }
    CropStrategy strategy = enumValue(CropStrategy.class, crop.strategy(), p + ".strategy", errors);
    if (crop.padding() != null && !(crop.padding() >= 0 && crop.padding() <= 10)) {
      errors.add(new FieldError(p + ".padding", "must be between 0 and 10"));
    }
    if (crop.zoom() != null && !(crop.zoom() >= 0 && crop.zoom() <= 1)) {
      errors.add(new FieldError(p + ".zoom", "must be between 0 and 1"));
    }
    if (crop.placement() != null) {
      enumValue(Placement.class, crop.placement(), p + ".placement", errors);
    }
    if (strategy == CropStrategy.FOCAL_POINT && crop.focalPoint() == null) {
      errors.add(new FieldError(p + ".focalPoint", "is required for the FOCAL_POINT strategy"));
    }
    if (crop.focalPoint() != null) {
      if (strategy != null && strategy != CropStrategy.FOCAL_POINT) {
        errors.add(new FieldError(p + ".focalPoint", "applies only to the FOCAL_POINT strategy"));
      }
      if (!unit(crop.focalPoint().x()) || !unit(crop.focalPoint().y())) {
        errors.add(new FieldError(p + ".focalPoint", "x and y must be between 0 and 1"));
      }
    }
  }

  private static void sizes(TemplateDefinition d, String p, List<FieldError> errors) {
    List<Size> sizes = d.sizes();
    if (sizes.isEmpty() || sizes.size() > MAX_SIZES) {
      errors.add(new FieldError(p + ".sizes", "needs 1.." + MAX_SIZES + " sizes"));
    }
    int[] ratio = null;
    if (d.aspectRatio() != null) {
      ratio = parseRatio(d.aspectRatio());
      if (ratio == null) {
        errors.add(new FieldError(p + ".aspectRatio", "must be W:H with positive integers"));
      }
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < sizes.size(); i++) {
      Size size = sizes.get(i);
      String sp = p + ".sizes[" + i + "]";
      boolean ok = true;
      if (size.width() < 1 || size.width() > MAX_SIDE) {
        errors.add(new FieldError(sp + ".width", "must be between 1 and " + MAX_SIDE));
        ok = false;
      }
      if (size.height() < 1 || size.height() > MAX_SIDE) {
        errors.add(new FieldError(sp + ".height", "must be between 1 and " + MAX_SIDE));
        ok = false;
      }
      if (!ok) {
        continue;
      }
      if (!seen.add(size.label())) {
        errors.add(new FieldError(sp, size.label() + " is listed twice"));
      }
      if (ratio != null && !hasRatio(size, ratio)) {
        errors.add(
            new FieldError(
                sp, size.label() + " does not have the aspect ratio " + d.aspectRatio()));
      }
    }
  }

  private static int[] parseRatio(String text) {
    String[] parts = text.split(":", -1);
    try {
      int w = Integer.parseInt(parts[0]);
      int h = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
      return w > 0 && h > 0 ? new int[] {w, h} : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Within one pixel of rounding: 342×192 is 16:9, 342×200 is not. */
  private static boolean hasRatio(Size size, int[] ratio) {
    long expectedHeight = Math.round(size.width() * (double) ratio[1] / ratio[0]);
    return Math.abs(expectedHeight - size.height()) <= 1;
  }

  private static void format(TemplateDefinition.Format f, String p, List<FieldError> errors) {
    if (f == null || f.type() == null) {
      errors.add(new FieldError(p + ".type", "is required"));
      return;
    }
    if ("AVIF".equals(f.type())) {
      errors.add(new FieldError(p + ".type", AVIF_UNSUPPORTED));
      return;
    }
    if (!FORMATS.contains(f.type())) {
      errors.add(new FieldError(p + ".type", "must be one of JPEG, PNG, WEBP"));
      return;
    }
    if (f.quality() != null && (f.quality() < 1 || f.quality() > 100)) {
      errors.add(new FieldError(p + ".quality", "must be between 1 and 100"));
    }
  }

  private void overlay(OverlayDefinition o, String p, List<FieldError> errors) {
    if (o == null || o.type() == null || !FIELDS.containsKey(o.type())) {
      errors.add(new FieldError(p + ".type", "must be one of SCRIM, TEXT, LOGO, BADGE"));
      return;
    }
    Set<String> allowed = FIELDS.get(o.type());
    presentFields(o).stream()
        .filter(f -> !allowed.contains(f))
        .forEach(f -> errors.add(new FieldError(p + "." + f, "does not apply to " + o.type())));
    switch (o.type()) {
      case "SCRIM" -> {
        if (o.edge() == null || !Set.of("TOP", "BOTTOM").contains(o.edge())) {
          errors.add(new FieldError(p + ".edge", "must be TOP or BOTTOM"));
        }
        fraction(o.extent(), 1, p + ".extent", errors);
        color(o.color(), p + ".color", true, errors);
      }
      case "TEXT" -> {
        if (o.text() == null || o.text().isBlank()) {
          errors.add(new FieldError(p + ".text", "names the request text to draw, e.g. title"));
        }
        if (o.box() != null) {
          rect(o.box(), p + ".box", errors);
        }
        anchor(o.anchor(), p, errors);
        font(o.font(), p, errors);
        fraction(o.size(), 1, p + ".size", errors);
        color(o.color(), p + ".color", true, errors);
        if (o.shadow() != null) {
          color(o.shadow(), p + ".shadow", true, errors);
        }
        if (o.maxLines() != null && (o.maxLines() < 1 || o.maxLines() > 20)) {
          errors.add(new FieldError(p + ".maxLines", "must be between 1 and 20"));
        }
      }
      case "LOGO" -> {
        if (o.asset() == null || !AssetKey.isValid(o.asset()) || !knownLogo.test(o.asset())) {
          errors.add(
              new FieldError(
                  p + ".asset", "must be the key of a PNG uploaded to /api/v1/template-assets"));
        }
        anchor(o.anchor(), p, errors);
        fraction(o.width(), 1, p + ".width", errors);
      }
      default -> { // BADGE
        if (o.label() == null || o.label().isBlank() || o.label().length() > 40) {
          errors.add(new FieldError(p + ".label", "must be 1..40 characters"));
        }
        anchor(o.anchor(), p, errors);
        font(o.font(), p, errors);
        fraction(o.size(), 0.5, p + ".size", errors);
        color(o.color(), p + ".color", true, errors);
        color(o.fill(), p + ".fill", true, errors);
      }
    }
  }

  private static List<String> presentFields(OverlayDefinition o) {
    List<String> present = new ArrayList<>();
    Object[][] fields = {
      {"edge", o.edge()},
      {"extent", o.extent()},
      {"color", o.color()},
      {"text", o.text()},
      {"box", o.box()},
      {"anchor", o.anchor()},
      {"font", o.font()},
      {"size", o.size()},
      {"shadow", o.shadow()},
      {"maxLines", o.maxLines()},
      {"asset", o.asset()},
      {"width", o.width()},
      {"label", o.label()},
      {"fill", o.fill()}
    };
    for (Object[] f : fields) {
      if (f[1] != null) {
        present.add((String) f[0]);
      }
    }
    return present;
  }

  private static void anchor(String anchor, String p, List<FieldError> errors) {
    enumValue(Anchor.class, anchor, p + ".anchor", errors);
  }

  private static void font(String font, String p, List<FieldError> errors) {
    if (font == null || !BundledFonts.names().contains(font)) {
      errors.add(
          new FieldError(
              p + ".font",
              "unknown font '"
                  + font
                  + "'; bundled fonts are "
                  + String.join(", ", BundledFonts.names().stream().sorted().toList())));
    }
  }

  private static void fraction(Double value, double max, String field, List<FieldError> errors) {
    if (value == null || !(value > 0 && value <= max)) {
      errors.add(new FieldError(field, "must be greater than 0 and at most " + max));
    }
  }

  private static void color(String value, String field, boolean alpha, List<FieldError> errors) {
    if (!Colors.isValid(value, alpha)) {
      errors.add(new FieldError(field, "must be a colour #RRGGBB or #RRGGBBAA"));
    }
  }

  private static void rect(Rect r, String field, List<FieldError> errors) {
    boolean inside =
        r.x() >= 0
            && r.y() >= 0
            && r.width() > 0
            && r.height() > 0
            && r.x() + r.width() <= 1 + 1e-9
            && r.y() + r.height() <= 1 + 1e-9;
    if (!inside) {
      errors.add(new FieldError(field, "must lie inside 0..1 with a positive width and height"));
    }
  }

  private static boolean unit(double v) {
    return v >= 0 && v <= 1;
  }

  private static <E extends Enum<E>> E enumValue(
      Class<E> type, String value, String field, List<FieldError> errors) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return e;
      }
    }
    List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    errors.add(new FieldError(field, "must be one of " + String.join(", ", names)));
    return null;
  }
}
