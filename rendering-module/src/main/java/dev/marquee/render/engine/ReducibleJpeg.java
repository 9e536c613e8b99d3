package dev.marquee.render.engine;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;

/**
 * A JPEG that libjpeg-turbo decodes to the colours ImageIO would give, so it can take the fast path
 * with DCT-domain scaling: 8-bit Huffman-coded (baseline, extended or progressive), grey without a
 * profile or YCbCr with no profile, an sRGB profile, or an RGB profile converted to sRGB after
 * decoding. Everything else stays with ImageIO and TwelveMonkeys, which handle it: CMYK and YCCK,
 * Adobe-RGB-coded files, 12-bit, arithmetic-coded and lossless JPEGs, grey or broken profiles.
 *
 * @param convertFrom the embedded non-sRGB colour space the decoded pixels are in, or {@code null}
 *     when they are sRGB already
 */
record ReducibleJpeg(ICC_ColorSpace convertFrom) {

  /** The fast-path description of a JPEG, or {@code null} when ImageIO must decode it. */
  static ReducibleJpeg of(byte[] jpeg) {
    JpegCoding coding = JpegCoding.read(jpeg);
    if (coding == null || !coding.huffman8Bit()) {
      return null;
    }
    if (coding.components() == 1) {
      return coding.iccProfile() == null && coding.iccIntact() ? new ReducibleJpeg(null) : null;
    }
    if (coding.components() != 3
        || (coding.adobeTransform() != -1 && coding.adobeTransform() != 1)) {
      return null;
    }
    if (!coding.iccIntact()) {
      return null;
    }
    if (coding.iccProfile() == null) {
      return new ReducibleJpeg(null);
    }
    try {
      ICC_Profile profile = ICC_Profile.getInstance(coding.iccProfile());
      if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB) {
        return null;
      }
      if (ColorSpaces.isCS_sRGB(profile)) {
        return new ReducibleJpeg(null);
      }
      // TwelveMonkeys repairs common profile defects exactly as its JPEG reader would.
      ICC_ColorSpace space = ColorSpaces.createColorSpace(profile);
      return space.isCS_sRGB() ? new ReducibleJpeg(null) : new ReducibleJpeg(space);
    } catch (RuntimeException unreadableProfile) {
      return null;
    }
  }
}
