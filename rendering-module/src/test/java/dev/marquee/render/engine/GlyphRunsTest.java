package dev.marquee.render.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.GlyphVector;
import java.awt.font.TextAttribute;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.AttributedCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GlyphRunsTest {
  private static final Set<String> BUNDLED_FAMILIES =
      Set.of("DejaVu Sans", "Noto Sans Devanagari", "Droid Sans Fallback");

  private final VariantRenderer renderer =
      new VariantRenderer(new SourceDecoder(new SourceImageInspector(ImageLimits.defaults())));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "千と千尋の神隠し", // Japanese: kanji and hiragana
        "となりのトトロ", // hiragana and katakana
        "기생충", // Korean
        "오징어 게임", // Korean with a space
        "卧虎藏龙 臥虎藏龍", // simplified and traditional Chinese
        "दिलवाले दुल्हनिया ले जाएंगे", // Devanagari with vowel signs and conjuncts
        "الطريق إلى المريخ", // Arabic
        "המסע אל הירח", // Hebrew
        "Ωμέγα", // Greek
        "Брат 2", // Cyrillic
        "Parasite 기생충 (2019)" // mixed scripts in one title
      })
  void everyCharacterIsSetInABundledFontThatHasItsGlyph(String title) {
    for (String face : List.of(BundledFonts.SANS, BundledFonts.SANS_BOLD)) {
      Font primary = BundledFonts.font(face, 40);
      AttributedCharacterIterator runs = GlyphRuns.styled(title, primary).getIterator();
      for (char c = runs.first(); c != AttributedCharacterIterator.DONE; c = runs.next()) {
        Font font = (Font) runs.getAttribute(TextAttribute.FONT);
        assertThat(font).isNotNull();
        assertThat(BUNDLED_FAMILIES).contains(font.getFamily());
        if (Character.isWhitespace(c) || Character.isSurrogate(c)) {
          continue;
        }
        GlyphVector glyph = font.createGlyphVector(TextBlockLayout.FRC, new char[] {c});
        assertThat(glyph.getGlyphCode(0))
            .as("'%s' (U+%04X) in %s", c, (int) c, font.getFontName())
            .isNotEqualTo(font.getMissingGlyphCode());
      }
    }
  }

  @Test
  void latinStaysInTheTemplatesFontAroundAFallbackRun() {
    Font primary = BundledFonts.font(BundledFonts.SANS_BOLD, 40);
    AttributedCharacterIterator runs =
        GlyphRuns.styled("Parasite 기생충 (2019)", primary).getIterator();
    List<String> families = new ArrayList<>();
    for (int i = runs.getBeginIndex();
        i < runs.getEndIndex();
        i = runs.getRunLimit(TextAttribute.FONT)) {
      runs.setIndex(i);
      families.add(((Font) runs.getAttribute(TextAttribute.FONT)).getFamily());
    }
    assertThat(families).containsExactly("DejaVu Sans", "Droid Sans Fallback", "DejaVu Sans");
  }

  @Test
  void japaneseAndKoreanTitlesAreDrawnWithRealGlyphsNotBoxes() {
    // A missing glyph draws the same box for every character: distinct characters drawing
    // distinct pixels proves real glyphs, as does ink inside the box where tofu would be empty.
    for (String[] pair :
        new String[][] {
          {"千と千尋の神隠し", "千千千千千千千千"},
          {"기생충 오징어", "기기기 기기기"},
          {"दिलवाले", "दददददद"}
        }) {
      BufferedImage title = drawn(pair[0]);
      BufferedImage repeated = drawn(pair[1]);
      assertThat(ink(title)).as(pair[0]).isGreaterThan(400);
      assertThat(SourceDecoderTest.meanAbsoluteDifference(title, repeated))
          .as("%s differs from %s", pair[0], pair[1])
          .isGreaterThan(1.0);
    }
    // And a character no bundled font has is the box: the same pixels for two such characters.
    assertThat(
            SourceDecoderTest.meanAbsoluteDifference(drawn("\uE000\uE000"), drawn("\uE001\uE001")))
        .isZero();
  }

  @Test
  void fallbackTextStaysInsideTheSafeArea() {
    Overlay.Text title =
        new Overlay.Text(
            "title",
            NormalizedRect.full(),
            Anchor.BOTTOM_LEFT,
            BundledFonts.SANS_BOLD,
            0.14,
            Color.WHITE,
            Color.BLACK,
            2);
    NormalizedRect safeArea = new NormalizedRect(0.05, 0.05, 0.9, 0.9);
    for (String text :
        List.of(
            "千と千尋の神隠し 千と千尋の神隠し 千と千尋の神隠し",
            "오징어 게임 시즌 2 오징어 게임 시즌 2",
            "दिलवाले दुल्हनिया ले जाएंगे",
            "Parasite 기생충 — Spirited Away 千と千尋の神隠し")) {
      for (int[] size : new int[][] {{640, 360}, {200, 300}, {342, 192}}) {
        Rectangle2D safe = OverlayPainter.safeArea(safeArea, size[0], size[1]);
        TextBlock block = OverlayPainter.layoutText(title, text, safe, size[1]);
        assertThat(block.lines()).as(text).isNotEmpty();
        assertThat(safe.contains(block.bounds()))
            .as("%s in %sx%s: %s not in %s", text, size[0], size[1], block.bounds(), safe)
            .isTrue();
      }
    }
  }

  /** The text in white on black, 480×120, through the renderer. */
  private BufferedImage drawn(String text) {
    Overlay.Text title =
        new Overlay.Text(
            "title",
            NormalizedRect.full(),
            Anchor.CENTER,
            BundledFonts.SANS_BOLD,
            0.4,
            Color.WHITE,
            null,
            1);
    RenderSpec spec =
        new RenderSpec(
            CropSpec.center(),
            List.of(new OutputSize(480, 120)),
            List.of(title),
            OutputFormat.png(),
            Color.BLACK,
            NormalizedRect.full());
    byte[] black = TestImages.encode(TestImages.solid(480, 120, 0x000000), "png");
    return TestImages.read(
        renderer.render(black, spec, null, Map.of("title", text)).get(0).bytes());
  }

  private static int ink(BufferedImage image) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFF) > 128) {
          count++;
        }
      }
    }
    return count;
  }
}
