package dev.marquee.render.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class SourceImageInspectorTest {
  private final SourceImageInspector inspector = new SourceImageInspector(ImageLimits.defaults());

  @Test
  void readsDimensionsOfRealFilesFromTheHeader() {
    assertThat(inspector.inspect(TestImages.bytes("astronaut.png")))
        .extracting(ImageProbe::format, ImageProbe::width, ImageProbe::height)
        .containsExactly(ImageFormat.PNG, 512, 512);
    assertThat(inspector.inspect(TestImages.bytes("rocket.jpg")))
        .extracting(ImageProbe::format, ImageProbe::width, ImageProbe::height)
        .containsExactly(ImageFormat.JPEG, 640, 427);
  }

  @Test
  void readsWebpDimensions() {
    byte[] webp = TestImages.encode(TestImages.solid(37, 21, 0x336699), "webp");
    assertThat(inspector.inspect(webp))
        .extracting(ImageProbe::format, ImageProbe::width, ImageProbe::height)
        .containsExactly(ImageFormat.WEBP, 37, 21);
  }

  @Test
  void rejectsEmptyInput() {
    assertRejected(new byte[0], RejectionReason.EMPTY);
  }

  @Test
  void rejectsTruncatedJpeg() {
    byte[] jpeg = TestImages.bytes("rocket.jpg");
    assertRejected(Arrays.copyOf(jpeg, jpeg.length / 2), RejectionReason.TRUNCATED);
    assertRejected(Arrays.copyOf(jpeg, 40), RejectionReason.TRUNCATED);
  }

  @Test
  void rejectsTruncatedPng() {
    byte[] png = TestImages.bytes("astronaut.png");
    assertRejected(Arrays.copyOf(png, png.length - 20), RejectionReason.TRUNCATED);
    assertRejected(Arrays.copyOf(png, 20), RejectionReason.TRUNCATED);
  }

  @Test
  void rejectsTruncatedWebp() {
    byte[] webp = TestImages.encode(TestImages.solid(64, 64, 0x336699), "webp");
    assertRejected(Arrays.copyOf(webp, webp.length - 10), RejectionReason.TRUNCATED);
  }

  @Test
  void rejectsPngBombFromItsHeaderAlone() {
    byte[] bomb = pngHeaderOnly(100_000, 100_000);
    assertThat(bomb.length).isLessThan(100);
    assertRejected(bomb, RejectionReason.DIMENSIONS_TOO_LARGE);
  }

  @Test
  void rejectsTooManyPixelsEvenWhenEachSideIsAllowed() {
    SourceImageInspector strict =
        new SourceImageInspector(new ImageLimits(1 << 20, 1000, 1000, 10_000));
    assertThatThrownBy(() -> strict.inspect(pngHeaderOnly(200, 200)))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.TOO_MANY_PIXELS));
  }

  @Test
  void rejectsFilesOverTheByteLimit() {
    SourceImageInspector strict =
        new SourceImageInspector(new ImageLimits(100, 1000, 1000, 1_000_000));
    assertThatThrownBy(() -> strict.inspect(TestImages.bytes("rocket.jpg")))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.TOO_MANY_BYTES));
  }

  @Test
  void rejectsWebpBombDeclaredInVp8x() {
    ByteBuffer b = ByteBuffer.allocate(30).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22);
    b.put("WEBPVP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10);
    b.put(new byte[4]);
    int side = 16_000_000 - 1; // 24-bit fields, stored minus one
    b.put((byte) side).put((byte) (side >> 8)).put((byte) (side >> 16));
    b.put((byte) side).put((byte) (side >> 8)).put((byte) (side >> 16));
    assertRejected(b.array(), RejectionReason.DIMENSIONS_TOO_LARGE);
  }

  @Test
  void rejectsGifStillOrAnimated() {
    assertUnsupported("GIF89a\u0001\u0000\u0001\u0000\u0080\u0000\u0000", "GIF");
    assertUnsupported("GIF87a\u0001\u0000\u0001\u0000", "GIF");
  }

  @Test
  void rejectsSvgAndXml() {
    assertUnsupported("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"/>", "SVG");
    assertUnsupported("\uFEFF  <?xml version=\"1.0\"?><svg/>", "SVG");
    assertUnsupported("<?xml version=\"1.0\"?><note/>", "XML");
  }

  @Test
  void rejectsHtmlPolyglotWithJpegMagicAfterTheMarkup() {
    byte[] html = "<!DOCTYPE html><script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII);
    byte[] jpeg = TestImages.bytes("rocket.jpg");
    byte[] polyglot = Arrays.copyOf(html, html.length + jpeg.length);
    System.arraycopy(jpeg, 0, polyglot, html.length, jpeg.length);
    assertUnsupported(polyglot, "HTML");
  }

  @Test
  void rejectsOtherFormatsByName() {
    assertUnsupported("BM\u0000\u0000\u0000\u0000", "BMP");
    assertUnsupported("II*\u0000\u0008\u0000\u0000\u0000", "TIFF");
    assertUnsupported("MM\u0000*\u0000\u0000\u0000\u0008", "TIFF");
    assertUnsupported("%PDF-1.7", "PDF");
    assertUnsupported("\u0000\u0000\u0000\u0018ftypavif", "AVIF");
    assertUnsupported("hello, world", "unrecognised");
  }

  @Test
  void rejectsCorruptHeaders() {
    // JPEG magic followed by garbage where a marker should be.
    assertRejected(
        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x12, 0x34, 0x56, 0x78},
        RejectionReason.CORRUPT_HEADER);
    // PNG whose IHDR checksum does not match.
    byte[] png = TestImages.bytes("astronaut.png").clone();
    png[17] ^= 0x01;
    assertRejected(png, RejectionReason.CORRUPT_HEADER);
    // PNG declaring a zero width.
    assertRejected(pngHeaderOnly(0, 10), RejectionReason.CORRUPT_HEADER);
  }

  @Test
  void hashesContent() {
    assertThat(ContentHash.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void reasonCodesAreStable() {
    assertThat(RejectionReason.TRUNCATED.code()).isEqualTo("image.truncated");
  }

  /** A syntactically valid PNG (correct CRCs, IEND) whose image data is empty: only the header. */
  static byte[] pngHeaderOnly(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private void assertUnsupported(String content, String named) {
    assertUnsupported(content.getBytes(StandardCharsets.UTF_8), named);
  }

  private void assertUnsupported(byte[] content, String named) {
    assertThatThrownBy(() -> inspector.inspect(content))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectionReason.UNSUPPORTED_FORMAT);
              assertThat(e.getMessage()).contains(named);
            });
  }

  private void assertRejected(byte[] content, RejectionReason reason) {
    assertThatThrownBy(() -> inspector.inspect(content))
        .isInstanceOfSatisfying(
            ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
