package dev.marquee.render.engine;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Shared test images (beside the repository clone) and helpers to encode generated ones. */
public final class TestImages {
  private TestImages() {}

  public static Path dir() {
    Path configured =
        Path.of(System.getProperty("marquee.testdata", "../../shared/testdata/images"))
            .toAbsolutePath()
            .normalize();
    if (Files.isDirectory(configured)) {
      return configured;
    }
    // Git worktrees sit one level deeper than a plain clone: look for shared/ further up.
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/testdata/images");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return configured;
  }

  public static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(dir().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static BufferedImage read(byte[] bytes) {
    try {
      return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static BufferedImage solid(int w, int h, int rgb) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    return image;
  }
}
