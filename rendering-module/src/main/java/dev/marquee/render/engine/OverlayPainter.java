package dev.marquee.render.engine;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import net.coobird.thumbnailator.Thumbnails;

/** Draws a template's overlays onto one rendition, antialiased, relative to its safe area. */
final class OverlayPainter {
  private OverlayPainter() {}

  /**
   * Decodes the template's logos once per render, before the source is touched, so a bad logo fails
   * fast as an invalid template rather than as a broken source.
   */
  static Map<Overlay.Logo, BufferedImage> decodeLogos(RenderSpec spec) {
    Map<Overlay.Logo, BufferedImage> logos = new IdentityHashMap<>();
    for (Overlay overlay : spec.overlays()) {
      if (overlay instanceof Overlay.Logo l) {
        logos.put(l, readLogo(l.png()));
      }
    }
    return logos;
  }

  static void paint(
      BufferedImage canvas,
      RenderSpec spec,
      Map<String, String> texts,
      Map<Overlay.Logo, BufferedImage> logos,
      Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    int w = canvas.getWidth();
    int h = canvas.getHeight();
    Rectangle2D safe = safeArea(spec.safeArea(), w, h);
    for (Overlay overlay : spec.overlays()) {
      // Java 17: no pattern switch yet; the interface is sealed, so this chain is exhaustive.
      if (overlay instanceof Overlay.Scrim s) {
        scrim(g, s, w, h);
      } else if (overlay instanceof Overlay.Text t) {
        String text = texts.get(t.textKey());
        if (text != null && !text.isBlank()) {
          drawText(g, layoutText(t, text, safe, h), t);
        }
      } else if (overlay instanceof Overlay.Logo l) {
        logo(g, l, logos.get(l), safe);
      } else if (overlay instanceof Overlay.Badge b) {
        badge(g, b, safe, h);
      }
    }
  }

  /** The safe area in pixels, rounded inwards. */
  static Rectangle2D safeArea(NormalizedRect area, int w, int h) {
    double x = Math.ceil(area.x() * w);
    double y = Math.ceil(area.y() * h);
    double r = Math.floor((area.x() + area.width()) * w);
    double b = Math.floor((area.y() + area.height()) * h);
    return new Rectangle2D.Double(x, y, Math.max(0, r - x), Math.max(0, b - y));
  }

  /** Where a text overlay's lines go; also used by tests to check the safe area. */
  static TextBlock layoutText(Overlay.Text t, String text, Rectangle2D safe, int outputHeight) {
    NormalizedRect box = t.box();
    Rectangle2D boxPx =
        new Rectangle2D.Double(
            safe.getX() + box.x() * safe.getWidth(),
            safe.getY() + box.y() * safe.getHeight(),
            box.width() * safe.getWidth(),
            box.height() * safe.getHeight());
    float size = (float) Math.max(1, t.sizeFraction() * outputHeight);
    Font font = BundledFonts.font(t.fontName(), size);
    int shadowOffset = t.shadow() == null ? 0 : Math.max(1, Math.round(size / 16));
    return TextBlockLayout.layout(text, boxPx, t.anchor(), font, t.maxLines(), shadowOffset);
  }

  private static void drawText(Graphics2D g, TextBlock block, Overlay.Text t) {
    for (TextBlock.Line line : block.lines()) {
      // Drawn as a TextLayout, exactly as it was measured (bidi, shaping, font fallback,
      // fractional advances).
      TextLayout layout = GlyphRuns.layout(line.text(), block.font(), g.getFontRenderContext());
      if (t.shadow() != null) {
        g.setColor(t.shadow());
        layout.draw(g, line.x() + block.shadowOffset(), line.baseline() + block.shadowOffset());
      }
      g.setColor(t.color());
      layout.draw(g, line.x(), line.baseline());
    }
  }

  private static void scrim(Graphics2D g, Overlay.Scrim s, int w, int h) {
    int extent = (int) Math.round(s.extent() * h);
    Color clear = new Color(s.color().getRed(), s.color().getGreen(), s.color().getBlue(), 0);
    if (s.fromTop()) {
      g.setPaint(new GradientPaint(0, 0, s.color(), 0, extent, clear));
      g.fillRect(0, 0, w, extent);
    } else {
      g.setPaint(new GradientPaint(0, h, s.color(), 0, h - extent, clear));
      g.fillRect(0, h - extent, w, extent);
    }
  }

  private static void logo(Graphics2D g, Overlay.Logo l, BufferedImage logo, Rectangle2D safe) {
    double width = l.widthFraction() * safe.getWidth();
    double height = width * logo.getHeight() / logo.getWidth();
    if (height > safe.getHeight()) {
      height = safe.getHeight();
      width = height * logo.getWidth() / logo.getHeight();
    }
    int lw = (int) Math.floor(width);
    int lh = (int) Math.floor(height);
    if (lw < 1 || lh < 1) {
      return;
    }
    BufferedImage scaled;
    try {
      scaled =
          Thumbnails.of(logo)
              .forceSize(lw, lh)
              .imageType(BufferedImage.TYPE_INT_ARGB)
              .asBufferedImage();
    } catch (IOException e) {
      throw new IllegalStateException(e); // in-memory resize does no I/O
    }
    int x = (int) Math.round(safe.getX() + (safe.getWidth() - lw) * l.anchor().fx());
    int y = (int) Math.round(safe.getY() + (safe.getHeight() - lh) * l.anchor().fy());
    g.drawImage(scaled, x, y, null);
  }

  private static BufferedImage readLogo(byte[] png) {
    try {
      // Template assets are uploaded too: same header checks as sources, small limits.
      new SourceImageInspector(new ImageLimits(5L * 1024 * 1024, 4096, 4096, 16_000_000))
          .inspect(png);
    } catch (ImageRejectedException e) {
      throw new InvalidRenderSpecException(
          "logo rejected (" + e.reason().code() + "): " + e.getMessage());
    }
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new InvalidRenderSpecException("logo is not a readable image");
      }
      return SrgbNormalizer.toSrgb(image);
    } catch (IOException e) {
      throw new InvalidRenderSpecException("logo could not be decoded: " + e.getMessage());
    }
  }

  private static void badge(Graphics2D g, Overlay.Badge b, Rectangle2D safe, int h) {
    float size = (float) Math.max(1, b.sizeFraction() * h);
    Font font = BundledFonts.font(b.fontName(), size);
    double padX = size * 0.5;
    double padY = size * 0.25;
    // The label's height over every font it uses (fallbacks included).
    var metrics = font.getLineMetrics(b.label(), TextBlockLayout.FRC);
    TextLayout measured = GlyphRuns.layout(b.label(), font, TextBlockLayout.FRC);
    double ascent = Math.max(metrics.getAscent(), measured.getAscent());
    double textHeight = ascent + Math.max(metrics.getDescent(), measured.getDescent());
    double boxHeight = textHeight + 2 * padY;
    if (boxHeight > safe.getHeight()) {
      return;
    }
    Rectangle2D textBox = new Rectangle2D.Double(0, 0, safe.getWidth() - 2 * padX, textHeight + 2);
    TextBlock block = TextBlockLayout.layout(b.label(), textBox, Anchor.TOP_LEFT, font, 1, 0);
    if (block.lines().isEmpty()) {
      return;
    }
    double textWidth = block.bounds().getWidth();
    double boxWidth = textWidth + 2 * padX;
    double x = safe.getX() + (safe.getWidth() - boxWidth) * b.anchor().fx();
    double y = safe.getY() + (safe.getHeight() - boxHeight) * b.anchor().fy();
    g.setColor(b.fill());
    g.fill(new RoundRectangle2D.Double(x, y, boxWidth, boxHeight, boxHeight / 2, boxHeight / 2));
    g.setColor(b.textColor());
    TextBlock.Line line = block.lines().get(0);
    GlyphRuns.layout(line.text(), block.font(), g.getFontRenderContext())
        .draw(
            g, (float) (x + padX + line.x() - block.bounds().getX()), (float) (y + padY + ascent));
  }
}
