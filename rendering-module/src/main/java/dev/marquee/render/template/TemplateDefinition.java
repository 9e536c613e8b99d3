package dev.marquee.render.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A template's definition as stored (JSON) and hashed. Enumerated values are kept as the strings
 * the client sent so that {@link TemplateDefinitionValidator} can name every wrong one; {@link
 * RenderSpecMapper} turns a valid definition into the engine's spec.
 *
 * @param crop how outputs are cropped
 * @param aspectRatio optional declared ratio {@code W:H} that every size must have
 * @param sizes the renditions of each variant
 * @param format encoding
 * @param background {@code #RRGGBB} fill behind transparent sources, or null
 * @param safeArea where overlays may go, or null for the whole output
 * @param overlays drawn in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateDefinition(
    Crop crop,
    String aspectRatio,
    List<Size> sizes,
    Format format,
    String background,
    Rect safeArea,
    List<OverlayDefinition> overlays) {

  public TemplateDefinition {
    sizes = sizes == null ? List.of() : List.copyOf(sizes);
    overlays = overlays == null ? List.of() : List.copyOf(overlays);
  }

  /** Crop strategy and its parameters (padding, zoom, placement for REGION; focal point). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Crop(
      String strategy, Double padding, Double zoom, String placement, Point focalPoint) {}

  /** An output size in pixels. */
  public record Size(int width, int height) {
    /** The label renditions carry, e.g. {@code 1280x720}. */
    public String label() {
      return width + "x" + height;
    }
  }

  /** Output encoding; quality 1..100 for JPEG and WebP, null for PNG. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Format(String type, Integer quality) {}

  /** A rectangle in fractions of the output (or of the safe area, for text boxes). */
  public record Rect(double x, double y, double width, double height) {}

  /** A point in fractions of the image. */
  public record Point(double x, double y) {}

  /** One overlay; which fields apply depends on {@code type} (SCRIM, TEXT, LOGO, BADGE). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OverlayDefinition(
      String type,
      String edge,
      Double extent,
      String color,
      String text,
      Rect box,
      String anchor,
      String font,
      Double size,
      String shadow,
      Integer maxLines,
      String asset,
      Double width,
      String label,
      String fill) {}
}
