package dev.marquee.render.template.web;

import dev.marquee.api.model.NormalizedRect;
import dev.marquee.api.model.Point;
import dev.marquee.api.model.TemplateCrop;
import dev.marquee.api.model.TemplateFormat;
import dev.marquee.api.model.TemplateOverlay;
import dev.marquee.api.model.TemplateSize;
import dev.marquee.api.model.TemplateStatus;
import dev.marquee.render.template.TemplateDefinition;
import dev.marquee.render.template.TemplateDefinition.OverlayDefinition;
import dev.marquee.render.template.TemplateDefinition.Rect;
import dev.marquee.render.template.TemplateVersion;
import java.time.ZoneOffset;
import java.util.List;

/** Template DTOs ↔ the domain's {@link TemplateDefinition}. */
public final class TemplateMapper {
  private TemplateMapper() {}

  public static TemplateDefinition toDefinition(dev.marquee.api.model.TemplateDefinition d) {
    if (d == null) {
      return null;
    }
    return new TemplateDefinition(
        crop(d.getCrop()),
        d.getAspectRatio(),
        d.getSizes() == null
            ? List.of()
            : d.getSizes().stream()
                .map(s -> new TemplateDefinition.Size(intOf(s.getWidth()), intOf(s.getHeight())))
                .toList(),
        format(d.getFormat()),
        d.getBackground(),
        rect(d.getSafeArea()),
        d.getOverlays() == null
            ? List.of()
            : d.getOverlays().stream().map(TemplateMapper::overlay).toList());
  }

  private static TemplateDefinition.Crop crop(TemplateCrop c) {
    if (c == null) {
      return null;
    }
    String strategy = c.getStrategy() == null ? null : c.getStrategy().value();
    // Padding, zoom and placement only mean something for REGION; the generated DTO fills their
    // defaults for every strategy, which must not make equal definitions hash differently.
    boolean region = "REGION".equals(strategy);
    return new TemplateDefinition.Crop(
        strategy,
        region ? c.getPadding() : null,
        region ? c.getZoom() : null,
        region && c.getPlacement() != null ? c.getPlacement().value() : null,
        c.getFocalPoint() == null
            ? null
            : new TemplateDefinition.Point(
                c.getFocalPoint().getX().doubleValue(), c.getFocalPoint().getY().doubleValue()));
  }

  private static TemplateDefinition.Format format(TemplateFormat f) {
    if (f == null) {
      return null;
    }
    String type = f.getType() == null ? null : f.getType().value();
    return new TemplateDefinition.Format(type, "PNG".equals(type) ? null : f.getQuality());
  }

  private static OverlayDefinition overlay(TemplateOverlay o) {
    if (o == null) {
      return null;
    }
    return new OverlayDefinition(
        o.getType() == null ? null : o.getType().value(),
        o.getEdge() == null ? null : o.getEdge().value(),
        o.getExtent(),
        o.getColor(),
        o.getText(),
        rect(o.getBox()),
        o.getAnchor() == null ? null : o.getAnchor().value(),
        o.getFont(),
        o.getSize(),
        o.getShadow(),
        o.getMaxLines(),
        o.getAsset(),
        o.getWidth(),
        o.getLabel(),
        o.getFill());
  }

  static Rect rect(NormalizedRect r) {
    return r == null
        ? null
        : new Rect(
            r.getX().doubleValue(),
            r.getY().doubleValue(),
            r.getWidth().doubleValue(),
            r.getHeight().doubleValue());
  }

  private static int intOf(Integer value) {
    return value == null ? 0 : value;
  }

  public static dev.marquee.api.model.Template toDto(TemplateVersion v) {
    return new dev.marquee.api.model.Template()
        .name(v.getTemplate().getName())
        .description(v.getTemplate().getDescription())
        .version(v.getNumber())
        .latestVersion(v.getTemplate().getLatestVersion())
        .status(TemplateStatus.fromValue(v.getTemplate().getStatus().name()))
        .definition(toDto(v.definition()))
        .definitionHash(v.getDefinitionHash())
        .createdAt(v.getCreatedAt().atOffset(ZoneOffset.UTC))
        .createdBy(v.getCreatedBy());
  }

  static dev.marquee.api.model.TemplateDefinition toDto(TemplateDefinition d) {
    TemplateDefinition.Crop c = d.crop();
    TemplateCrop crop =
        new TemplateCrop()
            .strategy(TemplateCrop.StrategyEnum.fromValue(c.strategy()))
            .padding(c.padding())
            .zoom(c.zoom())
            .placement(
                c.placement() == null ? null : TemplateCrop.PlacementEnum.fromValue(c.placement()))
            .focalPoint(
                c.focalPoint() == null
                    ? null
                    : new Point().x(c.focalPoint().x()).y(c.focalPoint().y()));
    return new dev.marquee.api.model.TemplateDefinition()
        .crop(crop)
        .aspectRatio(d.aspectRatio())
        .sizes(
            d.sizes().stream()
                .map(s -> new TemplateSize().width(s.width()).height(s.height()))
                .toList())
        .format(
            new TemplateFormat()
                .type(TemplateFormat.TypeEnum.fromValue(d.format().type()))
                .quality(d.format().quality()))
        .background(d.background())
        .safeArea(rectDto(d.safeArea()))
        .overlays(d.overlays().stream().map(TemplateMapper::overlayDto).toList());
  }

  private static TemplateOverlay overlayDto(OverlayDefinition o) {
    return new TemplateOverlay()
        .type(TemplateOverlay.TypeEnum.fromValue(o.type()))
        .edge(o.edge() == null ? null : TemplateOverlay.EdgeEnum.fromValue(o.edge()))
        .extent(o.extent())
        .color(o.color())
        .text(o.text())
        .box(rectDto(o.box()))
        .anchor(o.anchor() == null ? null : TemplateOverlay.AnchorEnum.fromValue(o.anchor()))
        .font(o.font())
        .size(o.size())
        .shadow(o.shadow())
        .maxLines(o.maxLines())
        .asset(o.asset())
        .width(o.width())
        .label(o.label())
        .fill(o.fill());
  }

  static NormalizedRect rectDto(Rect r) {
    return r == null
        ? null
        : new NormalizedRect().x(r.x()).y(r.y()).width(r.width()).height(r.height());
  }
}
