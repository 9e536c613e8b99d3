package dev.marquee.render.variant.web;

import dev.marquee.api.ImagePreviewsApi;
import dev.marquee.api.model.PreviewRequest;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.render.engine.Rendition;
import dev.marquee.render.variant.PreviewService;
import dev.marquee.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * Previews over HTTP: the generated {@link ImagePreviewsApi}. A tag of its own gives the interface
 * the class-level path {@code /images/{imageId}/preview}; JAX-RS picks root resources by their
 * class path first, so under a shorter one it would lose to the source-image resources.
 */
@RequestScoped
@Transactional
public class ImagePreviewResource implements ImagePreviewsApi {
  @Inject PreviewService previews;
  @Context HttpHeaders headers;

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response previewImage(UUID imageId, PreviewRequest body) {
    Rendition rendition =
        previews.preview(
            imageId,
            new PreviewService.Request(
                body.getTemplate(),
                body.getVersion(),
                body.getSize(),
                region(body.getRegion()),
                body.getLocale(),
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE),
                body.getTexts()));
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setNoTransform(false);
    return Response.ok(rendition.bytes(), rendition.format().mediaType())
        .cacheControl(noStore)
        .build();
  }

  private static NormalizedRect region(dev.marquee.api.model.NormalizedRect r) {
    if (r == null) {
      return null;
    }
    try {
      return new NormalizedRect(r.getX(), r.getY(), r.getWidth(), r.getHeight());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          new FieldError("region", "must lie inside the image (0..1) with a positive size"));
    }
  }
}
