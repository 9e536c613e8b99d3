package dev.marquee.render.source.web;

import dev.marquee.api.SourceImagesApi;
import dev.marquee.render.source.SourceImage;
import dev.marquee.render.source.SourceImageService;
import dev.marquee.render.store.StoredAsset;
import dev.marquee.security.Roles;
import dev.marquee.web.EntityVersions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.UUID;

/** One source image over HTTP: the generated {@link SourceImagesApi}. */
@RequestScoped
@Transactional // DTOs are mapped inside the transaction, while lazy associations can still load.
public class SourceImageResource implements SourceImagesApi {
  @Inject SourceImageService images;
  @Context SecurityContext security;

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response getSourceImage(UUID imageId) {
    SourceImage image = images.get(imageId);
    return Response.ok(SourceImageMapper.toDto(image))
        .tag(EntityVersions.etag(image.getVersion()))
        .build();
  }

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response getSourceImageContent(UUID imageId) {
    SourceImage image = images.get(imageId);
    StoredAsset asset = images.openContent(imageId);
    StreamingOutput body =
        out -> {
          try (asset) {
            asset.content().transferTo(out);
          }
        };
    return Response.ok(body, image.getFormat().mediaType())
        .header(HttpHeaders.CONTENT_LENGTH, asset.size())
        .header("X-Content-Type-Options", "nosniff")
        .header(
            "Content-Disposition",
            "inline; filename=\""
                + image.getContentKey().sha256Hex()
                + "."
                + image.getFormat().extension()
                + "\"")
        .build();
  }

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response deleteSourceImage(UUID imageId, String ifMatch) {
    images.delete(
        imageId, EntityVersions.optionalVersion(ifMatch), security.getUserPrincipal().getName());
    return Response.noContent().build();
  }
}
