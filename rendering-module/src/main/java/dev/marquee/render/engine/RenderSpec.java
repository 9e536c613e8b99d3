package dev.marquee.render.engine;

import java.awt.Color;
import java.util.List;

/**
 * Everything a template says about rendering, independent of storage and versioning.
 *
 * @param crop how each output is cropped
 * @param sizes the renditions to produce (1..16)
 * @param overlays drawn in order over each rendition
 * @param format encoding of every rendition
 * @param background fill behind transparent sources; {@code null} keeps alpha for PNG/WebP (JPEG
 *     then uses black)
 * @param safeArea where text, logos and badges may go, relative to the output
 */
public record RenderSpec(
    CropSpec crop,
    List<OutputSize> sizes,
    List<Overlay> overlays,
    OutputFormat format,
    Color background,
    NormalizedRect safeArea) {
  public static final int MAX_SIZES = 16;

  public RenderSpec {
    if (crop == null || format == null || safeArea == null) {
      throw new InvalidRenderSpecException("crop, format and safe area are required");
    }
    if (sizes == null || sizes.isEmpty() || sizes.size() > MAX_SIZES) {
      throw new InvalidRenderSpecException("a template needs 1.." + MAX_SIZES + " output sizes");
    }
    sizes = List.copyOf(sizes);
    overlays = overlays == null ? List.of() : List.copyOf(overlays);
  }
}
