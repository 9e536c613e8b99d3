package dev.marquee.it;

import dev.marquee.audit.AuditLog;
import dev.marquee.catalog.CatalogService;
import dev.marquee.render.engine.ImageLimits;
import dev.marquee.render.engine.ImageProbe;
import dev.marquee.render.engine.SourceImageInspector;
import dev.marquee.render.source.SourceImage;
import dev.marquee.render.source.SourceImageRepository;
import dev.marquee.render.store.AssetKey;
import dev.marquee.render.store.AssetStore;
import dev.marquee.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * Test data loader deployed with the WAR by the rendering ITs: stores a source image for an entry
 * through the real repository and asset store, until the upload API exists in this build.
 */
@Path("test-support/entries/{entryId}/source-images")
@RequestScoped
@Transactional
public class SourceImageSeeder {
  @Inject CatalogService catalog;
  @Inject SourceImageRepository images;
  @Inject AssetStore store;

  @POST
  @Consumes("application/octet-stream")
  @Produces("application/json")
  @RolesAllowed(Roles.EDITOR)
  public Response seed(
      @PathParam("entryId") UUID entryId, @QueryParam("name") String name, byte[] bytes)
      throws IOException {
    ImageProbe probe = new SourceImageInspector(ImageLimits.defaults()).inspect(bytes);
    AssetKey key = AssetKey.of(bytes);
    store.put(key, new ByteArrayInputStream(bytes));
    SourceImage image =
        new SourceImage(
            catalog.get(entryId),
            key,
            probe.format(),
            probe.width(),
            probe.height(),
            bytes.length,
            name,
            "editor",
            AuditLog.now());
    images.add(image);
    return Response.status(201)
        .entity(Map.of("id", image.getId().toString(), "contentHash", key.sha256Hex()))
        .build();
  }
}
