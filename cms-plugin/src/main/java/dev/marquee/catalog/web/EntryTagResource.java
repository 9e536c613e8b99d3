package dev.marquee.catalog.web;

import dev.marquee.api.EntryTagsApi;
import dev.marquee.api.model.EntryTagList;
import dev.marquee.api.model.EntryTagWrite;
import dev.marquee.catalog.CatalogService;
import dev.marquee.security.Roles;
import dev.marquee.tagging.EntryTag;
import dev.marquee.tagging.TagKind;
import dev.marquee.tagging.TagRef;
import dev.marquee.tagging.TagSource;
import dev.marquee.tagging.TaggingService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;

/** An entry's engagement tags over HTTP: the generated {@link EntryTagsApi}. */
@RequestScoped
@Transactional // DTOs are mapped inside the transaction, while lazy collections can still load.
public class EntryTagResource implements EntryTagsApi {
  @Inject TaggingService tagging;
  @Inject CatalogService catalog;
  @Context SecurityContext security;

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response addEntryTag(UUID entryId, EntryTagWrite body) {
    TagRef ref = new TagRef(TagKind.valueOf(body.getKind().name()), body.getValue()).check("value");
    boolean existed =
        tagging.tagsOf(entryId).stream()
            .anyMatch(
                t ->
                    t.getTag().getNormalizedValue().equals(ref.normalizedValue())
                        && t.getTag().getKind() == ref.kind());
    TagSource source =
        body.getSource() == null ? TagSource.MANUAL : TagSource.valueOf(body.getSource().name());
    EntryTag link =
        tagging.tag(entryId, ref, body.getWeight(), source, security.getUserPrincipal().getName());
    return Response.status(existed ? Response.Status.OK : Response.Status.CREATED)
        .entity(EntryMapper.toEntryTag(link))
        .build();
  }

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response listEntryTags(UUID entryId) {
    catalog.get(entryId);
    return Response.ok(
            new EntryTagList()
                .items(tagging.tagsOf(entryId).stream().map(EntryMapper::toEntryTag).toList()))
        .build();
  }

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response removeEntryTag(UUID entryId, UUID tagId) {
    tagging.untag(entryId, tagId, security.getUserPrincipal().getName());
    return Response.noContent().build();
  }
}
