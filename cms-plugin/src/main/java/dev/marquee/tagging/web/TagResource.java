package dev.marquee.tagging.web;

import dev.marquee.api.TagsApi;
import dev.marquee.api.model.Tag;
import dev.marquee.api.model.TagMerge;
import dev.marquee.api.model.TagPage;
import dev.marquee.api.model.TagRename;
import dev.marquee.api.model.TagWrite;
import dev.marquee.paging.Page;
import dev.marquee.security.Roles;
import dev.marquee.tagging.EngagementTag;
import dev.marquee.tagging.TagKind;
import dev.marquee.tagging.TagRef;
import dev.marquee.tagging.TagUsage;
import dev.marquee.tagging.TagVocabularyService;
import dev.marquee.web.PageLinks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.ZoneOffset;
import java.util.UUID;

/** The managed tag vocabulary: list with usage counts, create, rename, merge. */
@RequestScoped
@Transactional // DTOs are mapped inside the transaction, while lazy collections can still load.
public class TagResource implements TagsApi {
  @Inject TagVocabularyService vocabulary;
  @Context SecurityContext security;
  @Context UriInfo uriInfo;

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response createTag(TagWrite body) {
    EngagementTag tag =
        vocabulary.create(
            new TagRef(TagKind.valueOf(body.getKind().name()), body.getValue()), actor());
    return Response.created(uriInfo.getBaseUriBuilder().path("tags/{id}").build(tag.getId()))
        .entity(toDto(new TagUsage(tag, 0)))
        .build();
  }

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response listTags(
      dev.marquee.api.model.TagKind kind, String prefix, String cursor, Integer limit) {
    Page<TagUsage> page =
        vocabulary.list(kind == null ? null : TagKind.valueOf(kind.name()), prefix, cursor, limit);
    TagPage body =
        new TagPage()
            .items(page.items().stream().map(TagResource::toDto).toList())
            .nextCursor(page.nextCursor());
    return PageLinks.withNext(Response.ok(body), uriInfo, page.nextCursor()).build();
  }

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response getTag(UUID tagId) {
    return Response.ok(toDto(vocabulary.get(tagId))).build();
  }

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response renameTag(UUID tagId, TagRename body) {
    vocabulary.rename(tagId, body.getValue(), actor());
    return Response.ok(toDto(vocabulary.get(tagId))).build();
  }

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response mergeTag(UUID tagId, TagMerge body) {
    return Response.ok(toDto(vocabulary.merge(tagId, body.getIntoTagId(), actor()))).build();
  }

  static Tag toDto(TagUsage usage) {
    EngagementTag tag = usage.tag();
    return new Tag()
        .id(tag.getId())
        .kind(dev.marquee.api.model.TagKind.valueOf(tag.getKind().name()))
        .value(tag.getValue())
        .usageCount(usage.usageCount())
        .createdAt(tag.getCreatedAt().atOffset(ZoneOffset.UTC))
        .createdBy(tag.getCreatedBy());
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }
}
