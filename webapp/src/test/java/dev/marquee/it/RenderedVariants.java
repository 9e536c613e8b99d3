package dev.marquee.it;

import dev.marquee.render.source.SourceImageService;
import dev.marquee.render.source.SpooledUpload;
import dev.marquee.render.template.TemplateDefinitionCodec;
import dev.marquee.render.template.TemplateService;
import dev.marquee.render.template.TemplateVersion;
import dev.marquee.render.variant.VariantRendering;
import dev.marquee.render.variant.VariantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * Real variants for in-container tests, made the way a render job makes them: a source image
 * uploaded to the entry (drawn here, so the server needs no test files) rendered through small
 * templates of the test's own, one variant per template.
 */
@ApplicationScoped
public class RenderedVariants {
  @Inject SourceImageService images;
  @Inject TemplateService templates;
  @Inject VariantRendering rendering;
  @Inject VariantService variants;

  /**
   * Renders {@code count} variants of the entry.
   *
   * @param name unique per call: the templates' name prefix
   * @return the variant ids, one per template
   */
  public List<UUID> render(UUID entry, String name, int count) {
    UUID image;
    try (SpooledUpload upload =
        SpooledUpload.receive(
            new ByteArrayInputStream(png(name)),
            images.maxBytes(),
            Path.of(System.getProperty("java.io.tmpdir")))) {
      image = images.upload(entry, upload, name + ".png", "it").image().getId();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String template = (name + "-" + i).toLowerCase();
      TemplateVersion version =
          templates.create(
              template,
              null,
              TemplateDefinitionCodec.fromJson(
                  "{\"crop\": {\"strategy\": \"SMART\"}, \"aspectRatio\": \"16:9\", \"sizes\":"
                      + " [{\"width\": "
                      + (96 + 16 * i)
                      + ", \"height\": "
                      + (54 + 9 * i)
                      + "}], \"format\": {\"type\": \"JPEG\", \"quality\": 80}}"),
              "it");
      rendering.render(new VariantRendering.Request(image, null, null, version.getId()), null);
      ids.add(variants.list(entry, null, template, null, 1).items().get(0).getId());
    }
    return ids;
  }

  /** A 320×180 gradient, different per name (source images are unique per content). */
  private static byte[] png(String name) {
    BufferedImage img = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    int hue = name.hashCode();
    g.setPaint(
        new GradientPaint(0, 0, new Color(hue & 0xFFFFFF), 320, 180, new Color(~hue & 0xFFFFFF)));
    g.fillRect(0, 0, 320, 180);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
