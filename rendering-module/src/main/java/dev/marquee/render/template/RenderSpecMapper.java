package dev.marquee.render.template;

import dev.marquee.render.engine.Anchor;
import dev.marquee.render.engine.CropSpec;
import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.render.engine.OutputFormat;
import dev.marquee.render.engine.OutputSize;
import dev.marquee.render.engine.Overlay;
import dev.marquee.render.engine.Placement;
import dev.marquee.render.engine.RenderSpec;
import dev.marquee.render.template.TemplateDefinition.OverlayDefinition;
import dev.marquee.render.template.TemplateDefinition.Rect;
import java.awt.Color;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a definition that passed {@link TemplateDefinitionValidator} into the engine's {@link
 * RenderSpec}, filling the documented defaults. The engine re-checks its own invariants and throws
 * {@link dev.marquee.render.engine.InvalidRenderSpecException} if anything slipped through.
 */
public final class RenderSpecMapper {
  static final double DEFAULT_PADDING = 0.2;
  static final double DEFAULT_ZOOM = 1;
  static final int DEFAULT_QUALITY = 85;
  static final int DEFAULT_MAX_LINES = 2;

  private final Function<String, byte[]> logoBytes;

  /**
   * @param logoBytes the PNG bytes of a logo asset key
   */
  public RenderSpecMapper(Function<String, byte[]> logoBytes) {
    this.logoBytes = logoBytes;
  }

  public RenderSpec toSpec(TemplateDefinition d) {
    List<OutputSize> sizes =
        d.sizes().stream().map(s -> new OutputSize(s.width(), s.height())).toList();
    List<Overlay> overlays = d.overlays().stream().map(this::overlay).toList();
    return new RenderSpec(
        crop(d.crop()),
        sizes,
        overlays,
        format(d.format()),
        d.background() == null ? null : Colors.parse(d.background()),
        d.safeArea() == null ? NormalizedRect.full() : rect(d.safeArea()));
  }

  private static CropSpec crop(TemplateDefinition.Crop c) {
    return switch (c.strategy()) {
      case "REGION" ->
          CropSpec.region(
              c.padding() == null ? DEFAULT_PADDING : c.padding(),
              c.zoom() == null ? DEFAULT_ZOOM : c.zoom(),
              c.placement() == null ? Placement.CENTER : Placement.valueOf(c.placement()));
      case "FOCAL_POINT" -> CropSpec.focalPoint(c.focalPoint().x(), c.focalPoint().y());
      case "SMART" -> CropSpec.smart();
      case "CENTER" -> CropSpec.center();
      default -> throw new IllegalArgumentException("unvalidated crop strategy " + c.strategy());
    };
  }

  private static OutputFormat format(TemplateDefinition.Format f) {
    float quality = (f.quality() == null ? DEFAULT_QUALITY : f.quality()) / 100f;
    return switch (f.type()) {
      case "JPEG" -> OutputFormat.jpeg(quality);
      case "PNG" -> OutputFormat.png();
      case "WEBP" -> OutputFormat.webp(quality);
      default -> throw new IllegalArgumentException("unvalidated format " + f.type());
    };
  }

  private Overlay overlay(OverlayDefinition o) {
    return switch (o.type()) {
      case "SCRIM" -> new Overlay.Scrim("TOP".equals(o.edge()), o.extent(), color(o.color()));
      case "TEXT" ->
          new Overlay.Text(
              o.text(),
              o.box() == null ? NormalizedRect.full() : rect(o.box()),
              Anchor.valueOf(o.anchor()),
              o.font(),
              o.size(),
              color(o.color()),
              o.shadow() == null ? null : color(o.shadow()),
              o.maxLines() == null ? DEFAULT_MAX_LINES : o.maxLines());
      case "LOGO" ->
          new Overlay.Logo(logoBytes.apply(o.asset()), Anchor.valueOf(o.anchor()), o.width());
      case "BADGE" ->
          new Overlay.Badge(
              o.label(),
              Anchor.valueOf(o.anchor()),
              o.font(),
              o.size(),
              color(o.color()),
              color(o.fill()));
      default -> throw new IllegalArgumentException("unvalidated overlay type " + o.type());
    };
  }

  private static Color color(String hex) {
    return Colors.parse(hex);
  }

  private static NormalizedRect rect(Rect r) {
    return new NormalizedRect(r.x(), r.y(), r.width(), r.height());
  }
}
