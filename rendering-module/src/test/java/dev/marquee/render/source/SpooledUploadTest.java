package dev.marquee.render.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.render.engine.ImageRejectedException;
import dev.marquee.render.engine.RejectionReason;
import dev.marquee.render.store.AssetKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpooledUploadTest {
  @TempDir Path dir;

  @Test
  void hashesCountsAndKeepsTheBytesUntilClosed() throws IOException {
    byte[] content = "not really an image, but bytes".getBytes();
    SpooledUpload upload = SpooledUpload.receive(new ByteArrayInputStream(content), 100, dir);
    assertThat(upload.key()).isEqualTo(AssetKey.of(content));
    assertThat(upload.size()).isEqualTo(content.length);
    assertThat(upload.readAllBytes()).isEqualTo(content);
    try (InputStream in = upload.open()) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(files()).isEqualTo(1);
    upload.close();
    assertThat(files()).isZero();
  }

  @Test
  void exactlyTheLimitIsAccepted() throws IOException {
    try (SpooledUpload upload =
        SpooledUpload.receive(new ByteArrayInputStream(new byte[64]), 64, dir)) {
      assertThat(upload.size()).isEqualTo(64);
    }
  }

  @Test
  void stopsReadingJustPastTheLimitAndLeavesNoFile() throws IOException {
    CountingEndlessStream endless = new CountingEndlessStream();
    assertThatThrownBy(() -> SpooledUpload.receive(endless, 1000, dir))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.TOO_MANY_BYTES));
    assertThat(endless.served)
        .as("read no further than one buffer past the limit")
        .isLessThan(1000 + 65 * 1024);
    assertThat(files()).isZero();
  }

  @Test
  void zeroBytesAreRejectedAsEmpty() throws IOException {
    assertThatThrownBy(() -> SpooledUpload.receive(new ByteArrayInputStream(new byte[0]), 10, dir))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.EMPTY));
    assertThat(files()).isZero();
  }

  @Test
  void aFailingClientStreamLeavesNoFile() throws IOException {
    InputStream broken =
        new InputStream() {
          int calls;

          @Override
          public int read() throws IOException {
            if (calls++ > 10) {
              throw new IOException("connection reset");
            }
            return 1;
          }
        };
    assertThatThrownBy(() -> SpooledUpload.receive(broken, 1000, dir))
        .isInstanceOf(IOException.class);
    assertThat(files()).isZero();
  }

  private long files() throws IOException {
    try (var list = Files.list(dir)) {
      return list.count();
    }
  }

  /** Serves zeros forever, counting how many it handed out. */
  private static final class CountingEndlessStream extends InputStream {
    long served;

    @Override
    public int read() {
      served++;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      served += len;
      return len;
    }
  }
}
