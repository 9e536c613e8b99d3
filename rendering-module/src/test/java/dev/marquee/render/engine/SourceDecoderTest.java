package dev.marquee.render.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

class SourceDecoderTest {
  private final SourceDecoder decoder =
      new SourceDecoder(new SourceImageInspector(ImageLimits.defaults()));

  @Test
  void rotate90ExifIsAppliedToSizeAndPixels() {
    byte[] jpeg = withOrientation(markedJpeg(), 6);
    SourceImage source = decoder.open(jpeg);
    assertThat(source.orientation()).isEqualTo(ExifOrientation.ROTATE_90_CW);
    assertThat(source.displayedWidth()).isEqualTo(100);
    assertThat(source.displayedHeight()).isEqualTo(200);
    BufferedImage displayed = decoder.decode(source, full(source), 1).image();
    assertThat(displayed.getWidth()).isEqualTo(100);
    // The stored top-left red block is shown at the top-right after a clockwise quarter turn.
    assertReddish(displayed.getRGB(90, 10));
    assertThat(isReddish(displayed.getRGB(10, 10))).isFalse();
  }

  @Test
  void regionDecodeMatchesFullDecodeForEveryOrientation() {
    for (int tag = 1; tag <= 8; tag++) {
      SourceImage source = decoder.open(withOrientation(markedJpeg(), tag));
      BufferedImage whole = decoder.decode(source, full(source), 1).image();
      PixelRect region = new PixelRect(5, 12, 30, 40);
      BufferedImage part = decoder.decode(source, region, 1).image();
      assertThat(part.getWidth()).as("orientation %s", tag).isEqualTo(30);
      assertThat(part.getHeight()).isEqualTo(40);
      for (int y = 0; y < 40; y += 7) {
        for (int x = 0; x < 30; x += 7) {
          assertThat(part.getRGB(x, y))
              .as("orientation %s at %s,%s", tag, x, y)
              .isEqualTo(whole.getRGB(5 + x, 12 + y));
        }
      }
    }
  }

  @Test
  void jpegsTakeTheLibjpegTurboPathAndTheRestStayWithImageIo() throws Exception {
    // The natives are a build dependency on linux-x86_64, so the fast path must be exercised here.
    assertThat(TurboJpeg.isAvailable()).isTrue();
    assertThat(decoder.open(markedJpeg()).reducible()).isNotNull();
    assertThat(decoder.open(progressiveJpeg(TestImages.solid(64, 48, 0x336699))).reducible())
        .isNotNull();
    assertThat(decoder.open(TestImages.encode(greyImage(), "jpg")).reducible()).isNotNull();
    assertThat(decoder.open(cmykJpeg()).reducible()).as("CMYK").isNull();
    assertThat(decoder.open(TestImages.encode(TestImages.solid(8, 8, 0), "png")).reducible())
        .isNull();
  }

  @Test
  void anEmbeddedSrgbProfileNeedsNoConversionAndOthersDo() {
    byte[] plain = highQualityJpeg(TestImages.solid(16, 16, 0x808080));
    byte[] srgb = withIccProfile(plain, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
    byte[] linear =
        withIccProfile(plain, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());
    assertThat(decoder.open(srgb).reducible().convertFrom()).isNull();
    assertThat(decoder.open(linear).reducible().convertFrom()).isNotNull();
    assertThat(decodeAll(srgb).getRGB(8, 8) & 0xFF).isBetween(0x7E, 0x82);
  }

  @Test
  void reducedDecodeMatchesAFullDecodeShrunkByTheSameFactor() {
    byte[] jpeg =
        highQualityJpeg(LanczosResamplerTest.rgb(TestImages.read(TestImages.bytes("coffee.png"))));
    SourceImage source = decoder.open(jpeg);
    PixelRect all = full(source);
    BufferedImage whole = decoder.decode(source, all, 1).image();
    for (int shrink : new int[] {2, 4, 8}) {
      DecodedRegion reduced = decoder.decode(source, all, shrink);
      assertThat(reduced.scale()).isEqualTo(shrink);
      assertThat(reduced.image().getWidth()).isEqualTo((600 + shrink - 1) / shrink);
      assertThat(reduced.image().getHeight()).isEqualTo((400 + shrink - 1) / shrink);
      BufferedImage boxed = BoxShrink.shrink(whole, all, shrink, shrink);
      assertThat(meanAbsoluteDifference(reduced.image(), boxed))
          .as("1/%s in the DCT domain vs a box shrink of the full decode", shrink)
          .isLessThan(3.0);
    }
  }

  @Test
  void theFastPathGivesTheSamePixelsAsImageIoWithinTolerance() {
    for (byte[] jpeg :
        List.of(
            markedJpeg(),
            progressiveJpeg(
                LanczosResamplerTest.rgb(TestImages.read(TestImages.bytes("chelsea.png")))),
            TestImages.encode(greyImage(), "jpg"))) {
      SourceImage fast = decoder.open(jpeg);
      SourceImage imageIo = new SourceImage(fast.bytes(), fast.probe(), fast.orientation(), null);
      PixelRect region = new PixelRect(3, 5, fast.displayedWidth() - 7, fast.displayedHeight() - 9);
      BufferedImage a = decoder.decode(fast, region, 1).image();
      BufferedImage b = decoder.decode(imageIo, region, 1).image();
      assertThat(a.getWidth()).isEqualTo(b.getWidth());
      assertThat(a.getHeight()).isEqualTo(b.getHeight());
      // Both are IJG-style decoders; upsampling and IDCT rounding differ by a level or two.
      assertThat(meanAbsoluteDifference(a, b)).isLessThan(1.5);
    }
  }

  @Test
  void reducedRegionsLandOnTheRightDisplayedPixelsForEveryOrientation() {
    for (int tag = 1; tag <= 8; tag++) {
      SourceImage source = decoder.open(withOrientation(markedJpeg(), tag));
      BufferedImage whole = decoder.decode(source, full(source), 1).image();
      PixelRect region = new PixelRect(7, 13, 61, 43);
      DecodedRegion half = decoder.decode(source, region, 2);
      assertThat(half.scale()).isEqualTo(2);
      // Each reduced pixel shows the 2x2 displayed block that locate() and the origin put it on.
      for (int py = 1; py < half.image().getHeight() - 1; py += 3) {
        for (int px = 1; px < half.image().getWidth() - 1; px += 3) {
          int x0 = half.originX() + px * 2;
          int y0 = half.originY() + py * 2;
          double expected = 0;
          for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
              expected += (whole.getRGB(x0 + dx, y0 + dy) >> 8 & 0xFF) / 4.0;
            }
          }
          assertThat((double) (half.image().getRGB(px, py) >> 8 & 0xFF))
              .as("orientation %s at reduced %s,%s", tag, px, py)
              .isCloseTo(expected, org.assertj.core.data.Offset.offset(5.0));
        }
      }
      double[] at = half.locate(region);
      assertThat(at[2]).isEqualTo(30.5);
      assertThat(at[0]).isBetween(0.0, 1.0);
      assertThat(at[1]).isBetween(0.0, 1.0);
    }
  }

  @Test
  void aJpegLibjpegRefusesIsLeftToImageIoWhichRejectsIt() {
    // Without its quantisation tables the scan cannot be decoded by anyone (missing Huffman tables
    // would not do: libjpeg-turbo falls back to the standard ones); the header checks pass.
    byte[] jpeg = withoutSegments(markedJpeg(), 0xDB);
    SourceImage source = decoder.open(jpeg);
    assertThat(source.reducible()).isNotNull();
    assertThatThrownBy(() -> decoder.decode(source, full(source), 2))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.DECODE_FAILED));
  }

  static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
    int w = Math.min(a.getWidth(), b.getWidth());
    int h = Math.min(a.getHeight(), b.getHeight());
    double total = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
          total += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
        }
      }
    }
    return total / (w * h * 3.0);
  }

  private static BufferedImage greyImage() {
    BufferedImage grey = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 40; x++) {
        grey.getRaster().setSample(x, y, 0, x * 6);
      }
    }
    return grey;
  }

  static byte[] progressiveJpeg(BufferedImage image) {
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (var stream = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(stream);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        writer.write(null, new IIOImage(image, null, null), param);
      }
      writer.dispose();
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Inserts an APP2 ICC_PROFILE segment (one chunk) right after SOI. */
  static byte[] withIccProfile(byte[] jpeg, byte[] profile) {
    ByteArrayOutputStream tagged = new ByteArrayOutputStream();
    tagged.write(jpeg, 0, 2);
    int length = 2 + 12 + 2 + profile.length;
    tagged.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (length >> 8), (byte) length});
    tagged.writeBytes("ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    tagged.writeBytes(new byte[] {1, 1}); // chunk 1 of 1
    tagged.writeBytes(profile);
    tagged.write(jpeg, 2, jpeg.length - 2);
    return tagged.toByteArray();
  }

  /** The JPEG without any segment of the given marker (before the first scan). */
  static byte[] withoutSegments(byte[] jpeg, int marker) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    int pos = 2;
    while ((jpeg[pos + 1] & 0xFF) != 0xDA) {
      int length = (jpeg[pos + 2] & 0xFF) << 8 | jpeg[pos + 3] & 0xFF;
      if ((jpeg[pos + 1] & 0xFF) != marker) {
        out.write(jpeg, pos, 2 + length);
      }
      pos += 2 + length;
    }
    out.write(jpeg, pos, jpeg.length - pos);
    return out.toByteArray();
  }

  @Test
  void corruptExifIsIgnored() {
    byte[] jpeg = markedJpeg();
    // APP1 Exif whose IFD offset points far outside the segment.
    byte[] tiff = {'M', 'M', 0, 42, 0x7F, 0, 0, 0};
    byte[] broken = insertApp1(jpeg, tiff);
    SourceImage source = decoder.open(broken);
    assertThat(source.orientation()).isEqualTo(ExifOrientation.NORMAL);
    assertThat(decoder.decode(source, full(source), 1).image().getWidth()).isEqualTo(200);
  }

  @Test
  void shrinksOnLoadWithSubsampling() {
    SourceImage source = decoder.open(TestImages.encode(generated4k(), "jpg"));
    PixelRect crop = new PixelRect(0, 0, 3840, 2160);
    // libjpeg-turbo scales by 1/2, 1/4 or 1/8 in the DCT domain: the largest that stays >= output.
    assertThat(decoder.shrinkOnLoad(source, crop, 320, 180)).isEqualTo(8);
    assertThat(decoder.shrinkOnLoad(source, crop, 1280, 720)).isEqualTo(2);
    assertThat(decoder.shrinkOnLoad(source, new PixelRect(0, 0, 500, 500), 400, 400)).isEqualTo(1);
    BufferedImage decoded = decoder.decode(source, crop, 8).image();
    assertThat(decoded.getWidth()).isEqualTo(480);
    assertThat(decoded.getHeight()).isEqualTo(270);
    // ImageIO subsampling skips pixels, so it keeps a 2x margin over the output.
    SourceImage png = decoder.open(TestImages.encode(generated4k(), "png"));
    assertThat(decoder.shrinkOnLoad(png, crop, 320, 180)).isEqualTo(6);
    BufferedImage subsampled = decoder.decode(png, crop, 6).image();
    assertThat(subsampled.getWidth()).isEqualTo(640);
    assertThat(subsampled.getHeight()).isEqualTo(360);
  }

  @Test
  void greyPngKeepsItsValuesInsteadOfBeingGammaShifted() {
    BufferedImage grey = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(3, 3, 0, 128);
    BufferedImage decoded = decodeAll(TestImages.encode(grey, "png"));
    assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(decoded.getRGB(3, 3) & 0xFFFFFF).isEqualTo(0x808080);
  }

  @Test
  void sixteenBitGreyPngIsScaledToEightBits() {
    BufferedImage grey = new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY);
    grey.getRaster().setSample(1, 1, 0, 0x8080);
    grey.getRaster().setSample(2, 2, 0, 0xFFFF);
    BufferedImage decoded = decodeAll(TestImages.encode(grey, "png"));
    assertThat(decoded.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0x808080);
    assertThat(decoded.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
  }

  @Test
  void sixteenBitRgbaPngKeepsAlpha() {
    ComponentColorModel cm =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB),
            true,
            false,
            java.awt.Transparency.TRANSLUCENT,
            DataBuffer.TYPE_USHORT);
    WritableRaster raster = cm.createCompatibleWritableRaster(4, 4);
    raster.setPixel(0, 0, new int[] {0xFFFF, 0, 0, 0x8000});
    BufferedImage rgba16 = new BufferedImage(cm, raster, false, null);
    BufferedImage decoded = decodeAll(TestImages.encode(rgba16, "png"));
    assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    int argb = decoded.getRGB(0, 0);
    assertThat(argb >>> 24).isBetween(127, 129);
    assertThat(argb >> 16 & 0xFF).isEqualTo(255);
  }

  @Test
  void greyWithAlphaPngKeepsGreyAndAlpha() {
    ComponentColorModel greyAlpha =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_GRAY),
            true,
            false,
            java.awt.Transparency.TRANSLUCENT,
            DataBuffer.TYPE_BYTE);
    WritableRaster raster = greyAlpha.createCompatibleWritableRaster(4, 4);
    raster.setPixel(1, 1, new int[] {128, 64});
    BufferedImage decoded =
        decodeAll(TestImages.encode(new BufferedImage(greyAlpha, raster, false, null), "png"));
    assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(Integer.toHexString(decoded.getRGB(1, 1))).isEqualTo("40808080");
  }

  @Test
  void subsampledRegionOfARotatedJpegShowsTheSameContent() {
    SourceImage source = decoder.open(withOrientation(markedJpeg(), 8));
    PixelRect bottom = new PixelRect(0, 100, 100, 100); // displayed 100×200
    BufferedImage half = decoder.decode(source, bottom, 2).image();
    BufferedImage whole = decoder.decode(source, bottom, 1).image();
    assertThat(half.getWidth()).isEqualTo(50);
    assertThat(half.getHeight()).isEqualTo(50);
    // Turned counter-clockwise, the stored top-left red block shows at the bottom-left.
    assertReddish(whole.getRGB(10, 90));
    assertReddish(half.getRGB(5, 45));
    // Elsewhere the gradient matches within the one-pixel uncertainty of subsampling.
    assertThat(half.getRGB(30, 10) >> 8 & 0xFF)
        .isCloseTo(whole.getRGB(60, 20) >> 8 & 0xFF, org.assertj.core.data.Offset.offset(8));
  }

  @Test
  void palettePngIsExpanded() {
    byte[] reds = {0, (byte) 255};
    byte[] zeros = {0, 0};
    BufferedImage palette =
        new BufferedImage(
            4, 4, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(1, 2, reds, zeros, zeros));
    palette.getRaster().setSample(2, 2, 0, 1);
    BufferedImage decoded = decodeAll(TestImages.encode(palette, "png"));
    assertThat(decoded.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFF0000);
    assertThat(decoded.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x000000);
  }

  @Test
  void iccProfiledPixelsAreConvertedToSrgb() {
    // Linear-light RGB stands in for any non-sRGB profile: 50 % linear is about 188 in sRGB.
    ComponentColorModel linear =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB),
            false,
            false,
            java.awt.Transparency.OPAQUE,
            DataBuffer.TYPE_BYTE);
    WritableRaster raster = linear.createCompatibleWritableRaster(2, 2);
    raster.setPixel(0, 0, new int[] {128, 128, 128});
    BufferedImage converted = SrgbNormalizer.toSrgb(new BufferedImage(linear, raster, false, null));
    assertThat(converted.getRGB(0, 0) & 0xFF).isBetween(180, 195);
  }

  @Test
  void jpegWithEmbeddedNonSrgbProfileIsConvertedToSrgb() {
    // Grey 128 tagged with a linear-light RGB profile (as a camera or Photoshop would tag Adobe
    // RGB) must come out near 188 in sRGB, not 128 as a profile-ignoring decoder would give, on
    // the libjpeg-turbo path and on ImageIO's.
    byte[] tagged =
        withIccProfile(
            highQualityJpeg(TestImages.solid(16, 16, 0x808080)),
            ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());
    SourceImage fast = decoder.open(tagged);
    SourceImage imageIo = new SourceImage(fast.bytes(), fast.probe(), fast.orientation(), null);
    assertThat(decoder.decode(fast, full(fast), 1).image().getRGB(8, 8) & 0xFF).isBetween(178, 198);
    assertThat(decoder.decode(imageIo, full(imageIo), 1).image().getRGB(8, 8) & 0xFF)
        .isBetween(178, 198);
  }

  @Test
  void pngWithEmbeddedNonSrgbProfileIsConvertedToSrgb() {
    byte[] plain = TestImages.encode(TestImages.solid(16, 16, 0x808080), "png");
    byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (var z = new java.util.zip.DeflaterOutputStream(deflated)) {
      z.write(profile);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.writeBytes("linear\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    data.write(0); // compression method: deflate
    data.writeBytes(deflated.toByteArray());
    byte[] tagged = insertPngChunk(plain, "iCCP", data.toByteArray());
    BufferedImage decoded = decodeAll(tagged);
    assertThat(decoded.getRGB(8, 8) & 0xFF).isBetween(178, 198);
  }

  @Test
  void brokenPngProfileIsIgnored() {
    byte[] plain = TestImages.encode(TestImages.solid(16, 16, 0x808080), "png");
    byte[] garbage = {'x', 0, 0, 1, 2, 3, 4, 5};
    BufferedImage decoded = decodeAll(insertPngChunk(plain, "iCCP", garbage));
    assertThat(decoded.getRGB(8, 8) & 0xFFFFFF).isEqualTo(0x808080);
  }

  /** Inserts a chunk right after IHDR (offset 33), with its CRC. */
  static byte[] insertPngChunk(byte[] png, String type, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, 33);
    byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    out.write(png, 33, png.length - 33);
    return out.toByteArray();
  }

  @Test
  void cmykJpegIsDecodedToRgb() throws Exception {
    byte[] cmyk = cmykJpeg();
    SourceImage source = decoder.open(cmyk);
    BufferedImage decoded = decoder.decode(source, full(source), 1).image();
    assertThat(decoded.getWidth()).isEqualTo(64);
    int left = decoded.getRGB(8, 32);
    int right = decoded.getRGB(56, 32);
    // Left half pure cyan ink, right half no ink: cyan-ish vs near white.
    assertThat(left >> 16 & 0xFF).isLessThan(80);
    assertThat(left & 0xFF).isGreaterThan(150);
    assertThat(right >> 16 & 0xFF).isGreaterThan(200);
    assertThat(right >> 8 & 0xFF).isGreaterThan(200);
  }

  @Test
  void decodesWebp() {
    BufferedImage decoded =
        decodeAll(TestImages.encode(TestImages.solid(30, 20, 0x3366CC), "webp"));
    assertThat(decoded.getWidth()).isEqualTo(30);
    int rgb = decoded.getRGB(15, 10);
    assertThat(rgb & 0xFF).isBetween(0xC0, 0xD8);
  }

  @Test
  void undecodablePixelDataIsRejectedAsDecodeFailure() {
    byte[] header = SourceImageInspectorTest.pngHeaderOnly(16, 16); // valid header, no IDAT
    assertThatThrownBy(() -> decodeAll(header))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.DECODE_FAILED));
  }

  private BufferedImage decodeAll(byte[] bytes) {
    SourceImage source = decoder.open(bytes);
    return decoder.decode(source, full(source), 1).image();
  }

  private static PixelRect full(SourceImage source) {
    return new PixelRect(0, 0, source.displayedWidth(), source.displayedHeight());
  }

  /** 200×100, grey with a red block in the stored top-left corner and a gradient to tell sides. */
  static byte[] markedJpeg() {
    BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 100; y++) {
      for (int x = 0; x < 200; x++) {
        image.setRGB(x, y, x < 30 && y < 30 ? 0xFF0000 : (x & 0xFF) << 8 | (y * 2 & 0xFF));
      }
    }
    return highQualityJpeg(image);
  }

  static byte[] highQualityJpeg(BufferedImage image) {
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (var stream = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(stream);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        writer.write(null, new IIOImage(image, null, null), param);
      }
      writer.dispose();
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Inserts an APP1 Exif segment with an orientation tag right after SOI. */
  static byte[] withOrientation(byte[] jpeg, int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
    tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    tiff.putShort((short) 1); // one entry
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation);
    tiff.putShort((short) 0);
    tiff.putInt(0); // no next IFD
    return insertApp1(jpeg, tiff.array());
  }

  static byte[] insertApp1(byte[] jpeg, byte[] tiff) {
    int length = 2 + 6 + tiff.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
    out.writeBytes(tiff);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** 3840×2160 made of the astronaut tiled, with noise so it does not compress to nothing. */
  static BufferedImage generated4k() {
    BufferedImage tile = TestImages.read(TestImages.bytes("astronaut.png"));
    BufferedImage big = new BufferedImage(3840, 2160, BufferedImage.TYPE_INT_RGB);
    var g = big.createGraphics();
    for (int y = 0; y < 2160; y += 512) {
      for (int x = 0; x < 3840; x += 512) {
        g.drawImage(tile, x, y, null);
      }
    }
    g.dispose();
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      big.setRGB(random.nextInt(3840), random.nextInt(2160), random.nextInt(0xFFFFFF));
    }
    return big;
  }

  /**
   * A CMYK JPEG written as a four-channel raster (the JDK writer stores rasters without colour
   * conversion); TwelveMonkeys must convert it on read.
   */
  private static byte[] cmykJpeg() throws Exception {
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 64, 4, null);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        // Adobe CMYK JPEGs store inverted ink values: 255 = no ink.
        int c = x < 32 ? 0 : 255;
        raster.setPixel(x, y, new int[] {c, 255, 255, 255});
      }
    }
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter writer = null;
    while (writers.hasNext()) {
      ImageWriter candidate = writers.next();
      if (candidate.canWriteRasters()) {
        writer = candidate;
        break;
      }
    }
    assertThat(writer).as("a JPEG writer that accepts rasters").isNotNull();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.95f);
      writer.write(null, new IIOImage(raster, null, null), param);
    }
    writer.dispose();
    // The JDK writes no Adobe segment for rasters; add one (transform 0 = plain CMYK) as
    // Photoshop does, so readers know the four channels are inverted CMYK.
    byte[] plain = out.toByteArray();
    ByteArrayOutputStream marked = new ByteArrayOutputStream();
    marked.write(plain, 0, 2);
    marked.writeBytes(
        new byte[] {
          (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0
        });
    marked.write(plain, 2, plain.length - 2);
    return marked.toByteArray();
  }

  private static boolean isReddish(int rgb) {
    return (rgb >> 16 & 0xFF) > 200 && (rgb >> 8 & 0xFF) < 60 && (rgb & 0xFF) < 60;
  }

  private static void assertReddish(int rgb) {
    assertThat(isReddish(rgb)).as("pixel %06x is red", rgb & 0xFFFFFF).isTrue();
  }
}
