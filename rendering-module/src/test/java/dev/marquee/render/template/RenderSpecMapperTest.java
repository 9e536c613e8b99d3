package dev.marquee.render.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.render.engine.Anchor;
import dev.marquee.render.engine.CropStrategy;
import dev.marquee.render.engine.ImageFormat;
import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.render.engine.Overlay;
import dev.marquee.render.engine.Placement;
import dev.marquee.render.engine.RenderSpec;
import dev.marquee.render.template.TemplateDefinition.Crop;
import dev.marquee.render.template.TemplateDefinition.Format;
import dev.marquee.render.template.TemplateDefinition.OverlayDefinition;
import dev.marquee.render.template.TemplateDefinition.Size;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderSpecMapperTest {
  private static final byte[] LOGO_BYTES = {1, 2, 3};

  private final RenderSpecMapper mapper = new RenderSpecMapper(key -> LOGO_BYTES);

  @Test
  void mapsEveryPartOfAHeroTemplate() {
    TemplateDefinition d =
        TemplateDefinitionValidatorTest.hero(
            List.of(
                new OverlayDefinition(
                    "SCRIM",
                    "TOP",
                    0.3,
                    "#00000080",
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
                TemplateDefinitionValidatorTest.text("DejaVu Sans Bold"),
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
                    TemplateDefinitionValidatorTest.LOGO,
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
    RenderSpec spec = mapper.toSpec(d);

    assertThat(spec.crop().strategy()).isEqualTo(CropStrategy.REGION);
    assertThat(spec.crop().padding()).isEqualTo(0.25);
    assertThat(spec.crop().zoom()).isEqualTo(0.6);
    assertThat(spec.crop().placement()).isEqualTo(Placement.RULE_OF_THIRDS);
    assertThat(spec.sizes())
        .extracting(s -> s.width() + "x" + s.height())
        .containsExactly("1280x720", "640x360", "342x192");
    assertThat(spec.format().format()).isEqualTo(ImageFormat.JPEG);
    assertThat(spec.format().quality()).isEqualTo(0.85f);
    assertThat(spec.background()).isEqualTo(new Color(0x10, 0x10, 0x10));
    assertThat(spec.safeArea()).isEqualTo(new NormalizedRect(0.05, 0.05, 0.9, 0.9));

    Overlay.Scrim scrim = (Overlay.Scrim) spec.overlays().get(0);
    assertThat(scrim.fromTop()).isTrue();
    assertThat(scrim.color()).isEqualTo(new Color(0, 0, 0, 0x80));
    Overlay.Text text = (Overlay.Text) spec.overlays().get(1);
    assertThat(text.textKey()).isEqualTo("title");
    assertThat(text.box()).isEqualTo(NormalizedRect.full());
    assertThat(text.anchor()).isEqualTo(Anchor.BOTTOM_LEFT);
    assertThat(text.shadow()).isEqualTo(new Color(0, 0, 0, 0xB0));
    assertThat(text.maxLines()).isEqualTo(2);
    Overlay.Logo logo = (Overlay.Logo) spec.overlays().get(2);
    assertThat(logo.png()).isSameAs(LOGO_BYTES);
    assertThat(logo.widthFraction()).isEqualTo(0.2);
    Overlay.Badge badge = (Overlay.Badge) spec.overlays().get(3);
    assertThat(badge.label()).isEqualTo("NEW EPISODES");
    assertThat(badge.fill()).isEqualTo(new Color(0xE5, 0x09, 0x14));
  }

  @Test
  void fillsDefaultsForRegionCropsAndPng() {
    TemplateDefinition d =
        new TemplateDefinition(
            new Crop("REGION", null, null, null, null),
            null,
            List.of(new Size(400, 600)),
            new Format("PNG", null),
            null,
            null,
            List.of());
    RenderSpec spec = mapper.toSpec(d);
    assertThat(spec.crop().padding()).isEqualTo(RenderSpecMapper.DEFAULT_PADDING);
    assertThat(spec.crop().zoom()).isEqualTo(RenderSpecMapper.DEFAULT_ZOOM);
    assertThat(spec.crop().placement()).isEqualTo(Placement.CENTER);
    assertThat(spec.format().format()).isEqualTo(ImageFormat.PNG);
    assertThat(spec.background()).isNull();
    assertThat(spec.safeArea()).isEqualTo(NormalizedRect.full());
  }

  @Test
  void canonicalJsonRoundTripsAndEqualDefinitionsHashEqually() {
    TemplateDefinition d =
        TemplateDefinitionValidatorTest.hero(
            List.of(TemplateDefinitionValidatorTest.text("DejaVu Sans")));
    String json = TemplateDefinitionCodec.toJson(d);
    assertThat(TemplateDefinitionCodec.fromJson(json)).isEqualTo(d);
    assertThat(TemplateDefinitionCodec.hash(TemplateDefinitionCodec.fromJson(json)))
        .isEqualTo(TemplateDefinitionCodec.hash(d))
        .hasSize(64);
    assertThat(json).doesNotContain("null");
  }
}
