package dev.marquee.render.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.errors.FieldError;
import dev.marquee.render.template.TemplateDefinition.Crop;
import dev.marquee.render.template.TemplateDefinition.Format;
import dev.marquee.render.template.TemplateDefinition.OverlayDefinition;
import dev.marquee.render.template.TemplateDefinition.Point;
import dev.marquee.render.template.TemplateDefinition.Rect;
import dev.marquee.render.template.TemplateDefinition.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateDefinitionValidatorTest {
  static final String LOGO = "a".repeat(64);

  private final TemplateDefinitionValidator validator =
      new TemplateDefinitionValidator(LOGO::equals);

  static OverlayDefinition text(String font) {
    return new OverlayDefinition(
        "TEXT",
        null,
        null,
        "#FFFFFF",
        "title",
        null,
        "BOTTOM_LEFT",
        font,
        0.08,
        "#000000B0",
        2,
        null,
        null,
        null,
        null);
  }

  static TemplateDefinition hero(List<OverlayDefinition> overlays) {
    return new TemplateDefinition(
        new Crop("REGION", 0.25, 0.6, "RULE_OF_THIRDS", null),
        "16:9",
        List.of(new Size(1280, 720), new Size(640, 360), new Size(342, 192)),
        new Format("JPEG", 85),
        "#101010",
        new Rect(0.05, 0.05, 0.9, 0.9),
        overlays);
  }

  private List<String> fields(TemplateDefinition d) {
    return validator.validate(d).stream().map(FieldError::field).toList();
  }

  @Test
  void acceptsEveryOverlayKindWithinLimits() {
    TemplateDefinition d =
        hero(
            List.of(
                new OverlayDefinition(
                    "SCRIM",
                    "BOTTOM",
                    0.45,
                    "#000000C0",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                text("DejaVu Sans Bold"),
                new OverlayDefinition(
                    "LOGO",
                    null,
                    null,
                    null,
                    null,
                    null,
                    "TOP_LEFT",
                    null,
                    null,
                    null,
                    null,
                    LOGO,
                    0.2,
                    null,
                    null),
                new OverlayDefinition(
                    "BADGE",
                    null,
                    null,
                    "#FFFFFF",
                    null,
                    null,
                    "TOP_RIGHT",
                    "DejaVu Sans",
                    0.04,
                    null,
                    null,
                    null,
                    null,
                    "NEW EPISODES",
                    "#E50914")));
    assertThat(validator.validate(d)).isEmpty();
  }

  @Test
  void rejectsImpossibleSizesAndContradictoryAspectRatio() {
    TemplateDefinition d =
        new TemplateDefinition(
            new Crop("SMART", null, null, null, null),
            "16:9",
            List.of(new Size(0, 720), new Size(5000, 100), new Size(640, 480), new Size(342, 192)),
            new Format("PNG", null),
            null,
            null,
            List.of());
    assertThat(fields(d))
        .containsExactly(
            "definition.sizes[0].width", "definition.sizes[1].width", "definition.sizes[2]");
  }

  @Test
  void rejectsUnknownFontsBadColoursQualityAvifAndUnknownLogos() {
    TemplateDefinition d =
        new TemplateDefinition(
            new Crop("FOCAL_POINT", null, null, null, null),
            null,
            List.of(new Size(400, 600)),
            new Format("JPEG", 0),
            "red",
            null,
            List.of(
                text("Comic Sans"),
                new OverlayDefinition(
                    "LOGO",
                    null,
                    null,
                    null,
                    null,
                    null,
                    "TOP_LEFT",
                    null,
                    null,
                    null,
                    null,
                    "b".repeat(64),
                    0.2,
                    null,
                    null)));
    assertThat(fields(d))
        .containsExactlyInAnyOrder(
            "definition.crop.focalPoint",
            "definition.format.quality",
            "definition.background",
            "definition.overlays[0].font",
            "definition.overlays[1].asset");
    assertThat(
            validator.validate(
                new TemplateDefinition(
                    new Crop("CENTER", null, null, null, null),
                    null,
                    List.of(new Size(100, 100)),
                    new Format("AVIF", 50),
                    null,
                    null,
                    List.of())))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("definition.format.type");
              assertThat(e.message()).contains("AVIF is not supported");
            });
  }

  @Test
  void rejectsFieldsThatDoNotApplyAndOutOfRangeFractions() {
    TemplateDefinition d =
        hero(
            List.of(
                new OverlayDefinition(
                    "SCRIM", "LEFT", 1.5, "#000", "title", null, null, null, null, null, null, null,
                    null, null, null),
                new OverlayDefinition(
                    "BADGE",
                    null,
                    null,
                    "#FFFFFF",
                    null,
                    null,
                    "NOWHERE",
                    "DejaVu Sans",
                    0.6,
                    null,
                    null,
                    null,
                    null,
                    " ",
                    "#E50914")));
    assertThat(fields(d))
        .containsExactlyInAnyOrder(
            "definition.overlays[0].text",
            "definition.overlays[0].edge",
            "definition.overlays[0].extent",
            "definition.overlays[0].color",
            "definition.overlays[1].label",
            "definition.overlays[1].anchor",
            "definition.overlays[1].size");
  }

  @Test
  void focalPointMustBeInsideTheImageAndOnlyForThatStrategy() {
    TemplateDefinition d =
        new TemplateDefinition(
            new Crop("SMART", null, null, null, new Point(1.2, 0.5)),
            null,
            List.of(new Size(100, 100)),
            new Format("WEBP", 80),
            null,
            new Rect(0.5, 0.5, 0.6, 0.2),
            List.of());
    assertThat(fields(d))
        .containsExactlyInAnyOrder(
            "definition.crop.focalPoint", "definition.crop.focalPoint", "definition.safeArea");
  }
}
