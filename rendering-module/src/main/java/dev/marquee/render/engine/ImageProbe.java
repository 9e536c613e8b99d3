package dev.marquee.render.engine;

/**
 * What the header of an accepted source image says, read without decoding pixels.
 *
 * @param format the sniffed format
 * @param width stored width in pixels (before EXIF orientation)
 * @param height stored height in pixels (before EXIF orientation)
 * @param byteCount size of the file
 */
public record ImageProbe(ImageFormat format, int width, int height, long byteCount) {

  public long pixelCount() {
    return (long) width * height;
  }
}
