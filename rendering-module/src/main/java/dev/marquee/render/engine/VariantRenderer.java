package dev.marquee.render.engine;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a variant: for one source image, region and template, one rendition per output size. The
 * source is decoded once (the union of all crops, shrunk on load as far as the largest output
 * allows); each size is resampled from that with Lanczos 3, overlaid with Java2D and encoded.
 */
public final class VariantRenderer {
  /** Longest side of the thumbnail that smart cropping analyses. */
  static final int SALIENCY_SIZE = 128;

  private final SourceDecoder decoder;

  public VariantRenderer(SourceDecoder decoder) {
    this.decoder = decoder;
  }

  /**
   * Renders all sizes of a variant.
   *
   * @param sourceBytes the source image file
   * @param region the tagged region (normalised, displayed orientation), or {@code null}
   * @param texts overlay texts by key (e.g. {@code title}); missing keys draw nothing
   * @throws ImageRejectedException if the source is refused or cannot be decoded
   * @throws InvalidRenderSpecException if the spec cannot be rendered
   */
  public List<Rendition> render(
      byte[] sourceBytes, RenderSpec spec, NormalizedRect region, Map<String, String> texts) {
    Map<Overlay.Logo, BufferedImage> logos = OverlayPainter.decodeLogos(spec);
    SourceImage source = decoder.open(sourceBytes);
    RenderPlan plan = plan(source, spec, region);
    DecodedRegion decoded = decoder.decode(source, plan.decodeRegion(), plan.shrink());
    List<Rendition> renditions = new ArrayList<>();
    for (int i = 0; i < spec.sizes().size(); i++) {
      OutputSize size = spec.sizes().get(i);
      BufferedImage resized = resize(decoded, plan.crops().get(i), size);
      BufferedImage canvas = compose(resized, spec, texts == null ? Map.of() : texts, logos);
      byte[] bytes = RenditionEncoder.encode(canvas, spec.format());
      renditions.add(
          new Rendition(
              size.width(),
              size.height(),
              spec.format().format(),
              bytes,
              ContentHash.sha256Hex(bytes)));
    }
    return List.copyOf(renditions);
  }

  /** Decides crops and decoding without touching pixels (except a thumbnail for SMART). */
  public RenderPlan plan(SourceImage source, RenderSpec spec, NormalizedRect region) {
    int w = source.displayedWidth();
    int h = source.displayedHeight();
    boolean needsSaliency =
        spec.crop().strategy() == CropStrategy.SMART
            || (spec.crop().strategy() == CropStrategy.REGION && region == null);
    SaliencyMap saliency =
        needsSaliency ? SaliencyMap.of(decoder.thumbnail(source, SALIENCY_SIZE)) : null;
    List<PixelRect> crops = new ArrayList<>();
    PixelRect union = null;
    int shrink = Integer.MAX_VALUE;
    for (OutputSize size : spec.sizes()) {
      PixelRect crop = CropCalculator.compute(w, h, size.aspect(), spec.crop(), region, saliency);
      crops.add(crop);
      union = union == null ? crop : union.union(crop);
      // The largest output relative to its crop limits how far the shared decode may shrink.
      shrink = Math.min(shrink, decoder.shrinkOnLoad(source, crop, size.width(), size.height()));
    }
    return new RenderPlan(List.copyOf(crops), union, shrink);
  }

  /**
   * The crop resized to the output with Lanczos 3, straight from the decoded pixels: the crop's
   * edges are kept exactly even where they fall between the pixels of a reduced decode.
   */
  private static BufferedImage resize(DecodedRegion decoded, PixelRect crop, OutputSize size) {
    double[] window = decoded.locate(crop);
    return LanczosResampler.resample(
        decoded.image(), window[0], window[1], window[2], window[3], size.width(), size.height());
  }

  private static BufferedImage compose(
      BufferedImage image,
      RenderSpec spec,
      Map<String, String> texts,
      Map<Overlay.Logo, BufferedImage> logos) {
    Color background = spec.background();
    boolean keepAlpha = background == null && spec.format().supportsAlpha();
    if (background == null) {
      background = Color.BLACK;
    }
    BufferedImage canvas =
        new BufferedImage(
            image.getWidth(),
            image.getHeight(),
            keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    try {
      if (!keepAlpha) {
        g.setColor(background);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
      }
      g.drawImage(image, 0, 0, null);
      OverlayPainter.paint(canvas, spec, texts, logos, g);
    } finally {
      g.dispose();
    }
    return canvas;
  }
}
