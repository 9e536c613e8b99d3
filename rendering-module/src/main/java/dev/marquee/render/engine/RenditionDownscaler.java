package dev.marquee.render.engine;

import java.awt.image.BufferedImage;

/**
 * Makes a narrower copy of a stored rendition for a named delivery preset: same aspect ratio, same
 * format, never wider than asked and never upscaled. Deterministic like the renderer (same bytes
 * in, same bytes out), so the copy has a stable content hash a CDN can keep forever.
 */
public final class RenditionDownscaler {
  private final SourceDecoder decoder;

  public RenditionDownscaler(SourceDecoder decoder) {
    this.decoder = decoder;
  }

  /**
   * @param rendition the stored rendition's bytes (JPEG, PNG or WebP)
   * @param maxWidth the preset's width in pixels
   * @param quality 0..1 for JPEG and WebP; ignored for PNG
   * @return the downscaled bytes, or {@code rendition} itself when it is not wider than {@code
   *     maxWidth}
   */
  public byte[] downscale(byte[] rendition, int maxWidth, float quality) {
    if (maxWidth < 1) {
      throw new IllegalArgumentException("maxWidth must be positive, was " + maxWidth);
    }
    SourceImage source = decoder.open(rendition);
    int width = source.displayedWidth();
    int height = source.displayedHeight();
    if (width <= maxWidth) {
      return rendition;
    }
    int targetHeight = Math.max(1, Math.round(height * (maxWidth / (float) width)));
    PixelRect all = new PixelRect(0, 0, width, height);
    DecodedRegion decoded =
        decoder.decode(source, all, decoder.shrinkOnLoad(source, all, maxWidth, targetHeight));
    ImageFormat format = source.probe().format();
    OutputFormat output =
        switch (format) {
          case JPEG -> OutputFormat.jpeg(quality);
          case WEBP -> OutputFormat.webp(quality);
          case PNG -> OutputFormat.png();
        };
    double[] window = decoded.locate(all);
    BufferedImage resized =
        LanczosResampler.resample(
            decoded.image(), window[0], window[1], window[2], window[3], maxWidth, targetHeight);
    // A JPEG decodes opaque and PNG/WebP keep alpha, so the resized type suits the output.
    return RenditionEncoder.encode(resized, output);
  }
}
