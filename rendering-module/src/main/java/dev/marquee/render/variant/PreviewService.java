package dev.marquee.render.variant;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.render.engine.ImageLimits;
import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.render.engine.OutputSize;
import dev.marquee.render.engine.RenderSpec;
import dev.marquee.render.engine.Rendition;
import dev.marquee.render.engine.SourceDecoder;
import dev.marquee.render.engine.SourceImageInspector;
import dev.marquee.render.engine.VariantRenderer;
import dev.marquee.render.source.SourceImage;
import dev.marquee.render.source.SourceImageRepository;
import dev.marquee.render.template.TemplateService;
import dev.marquee.render.template.TemplateVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Renders one size of a template for a source image on the fly; stores nothing. */
@ApplicationScoped
public class PreviewService {
  private final VariantRenderer renderer =
      new VariantRenderer(new SourceDecoder(new SourceImageInspector(ImageLimits.defaults())));

  @Inject SourceImageRepository images;
  @Inject TemplateService templates;
  @Inject SourceBytes sourceBytes;

  /**
   * What to preview.
   *
   * @param template template name
   * @param version a version, or null for the latest
   * @param size {@code WIDTHxHEIGHT} of one of the template's sizes, or its index
   * @param region the region to frame, or null
   * @param locale a language tag choosing the localised title, or null
   * @param acceptLanguage the request's {@code Accept-Language}, or null
   * @param texts texts overriding the entry's, or null
   */
  public record Request(
      String template,
      Integer version,
      String size,
      NormalizedRect region,
      String locale,
      String acceptLanguage,
      Map<String, String> texts) {}

  @Transactional
  public Rendition preview(UUID imageId, Request request) {
    SourceImage image =
        images
            .find(imageId)
            .orElseThrow(() -> new ResourceNotFoundException("No source image " + imageId + "."));
    TemplateVersion version =
        templates.renderable(request.template(), request.version(), "template");
    RenderSpec spec = templates.renderSpec(version);
    OutputSize size = size(spec, request.size());
    RenderSpec single =
        new RenderSpec(
            spec.crop(),
            List.of(size),
            spec.overlays(),
            spec.format(),
            spec.background(),
            spec.safeArea());
    Map<String, String> texts = new HashMap<>(texts(image, request));
    if (request.texts() != null) {
      texts.putAll(request.texts());
    }
    return renderer.render(sourceBytes.read(image), single, request.region(), texts).get(0);
  }

  private static Map<String, String> texts(SourceImage image, Request request) {
    if (request.locale() != null) {
      try {
        Locale.LanguageRange.parse(request.locale());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(new FieldError("locale", "is not a BCP 47 language tag"));
      }
    }
    try {
      return EntryTexts.of(image.getEntry(), request.locale(), request.acceptLanguage());
    } catch (IllegalArgumentException e) {
      // A malformed Accept-Language is a preference we cannot read, not an error.
      return EntryTexts.of(image.getEntry(), null, null);
    }
  }

  private static OutputSize size(RenderSpec spec, String wanted) {
    List<OutputSize> sizes = spec.sizes();
    String choices =
        String.join(", ", sizes.stream().map(s -> s.width() + "x" + s.height()).toList());
    if (wanted != null && wanted.matches("[0-9]{1,2}")) {
      int index = Integer.parseInt(wanted);
      if (index < sizes.size()) {
        return sizes.get(index);
      }
    } else if (wanted != null) {
      for (OutputSize s : sizes) {
        if ((s.width() + "x" + s.height()).equals(wanted)) {
          return s;
        }
      }
    }
    throw new InvalidInputException(
        new FieldError(
            "size",
            "must be one of the template's sizes ("
                + choices
                + ") or an index below "
                + sizes.size()));
  }
}
