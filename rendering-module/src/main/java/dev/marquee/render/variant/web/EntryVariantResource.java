package dev.marquee.render.variant.web;

import dev.marquee.api.EntryVariantsApi;
import dev.marquee.api.model.VariantPage;
import dev.marquee.paging.Page;
import dev.marquee.render.variant.Variant;
import dev.marquee.render.variant.VariantService;
import dev.marquee.security.Roles;
import dev.marquee.web.PageLinks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** An entry's variants over HTTP: the generated {@link EntryVariantsApi}. */
@RequestScoped
@Transactional
public class EntryVariantResource implements EntryVariantsApi {
  @Inject VariantService variants;
  @Context UriInfo uriInfo;

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response listEntryVariants(
      UUID entryId, UUID tagId, String template, String cursor, Integer limit) {
    Page<Variant> page = variants.list(entryId, tagId, template, cursor, limit);
    VariantPage body =
        new VariantPage()
            .items(page.items().stream().map(VariantMapper::toDto).toList())
            .nextCursor(page.nextCursor());
    return PageLinks.withNext(Response.ok(body), uriInfo, page.nextCursor()).build();
  }
}
