package dev.marquee.render.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageFormatTest {
  @Test
  void sniffsEachFormatFromItsLeadingBytes() {
    for (ImageFormat format : ImageFormat.values()) {
      byte[] file =
          TestImages.encode(
              TestImages.solid(8, 8, 0x336699),
              format.extension().equals("jpg") ? "jpeg" : format.extension());
      byte[] head = Arrays.copyOf(file, ImageFormat.MAGIC_LENGTH);
      assertThat(ImageFormat.sniff(head)).contains(format);
    }
  }

  @Test
  void anythingElseIsNoFormat() {
    assertThat(ImageFormat.sniff("GIF89a......".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    assertThat(ImageFormat.sniff("<svg xmlns=".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    assertThat(ImageFormat.sniff(new byte[0])).isEmpty();
  }

  @Test
  void extensionsAreExact() {
    assertThat(ImageFormat.ofExtension("jpg")).contains(ImageFormat.JPEG);
    assertThat(ImageFormat.ofExtension("webp")).contains(ImageFormat.WEBP);
    assertThat(ImageFormat.ofExtension("jpeg")).isEmpty();
    assertThat(ImageFormat.ofExtension("PNG")).isEmpty();
    assertThat(ImageFormat.ofExtension(null)).isEmpty();
  }
}
