package dev.marquee.catalog.web;

import dev.marquee.api.EntriesApi;
import dev.marquee.api.model.EntryPage;
import dev.marquee.api.model.EntryWrite;
import dev.marquee.catalog.CatalogEntry;
import dev.marquee.catalog.CatalogService;
import dev.marquee.catalog.EntryFilter;
import dev.marquee.catalog.EntryKind;
import dev.marquee.catalog.EntrySort;
import dev.marquee.catalog.EntryStatus;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.paging.Page;
import dev.marquee.security.Roles;
import dev.marquee.tagging.EntryTag;
import dev.marquee.tagging.TagRef;
import dev.marquee.tagging.TaggingService;
import dev.marquee.web.EntityVersions;
import dev.marquee.web.PageLinks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;

/** Catalog entries over HTTP: the generated {@link EntriesApi} on top of {@link CatalogService}. */
@RequestScoped
@Transactional // DTOs are mapped inside the transaction, while lazy collections can still load.
public class EntryResource implements EntriesApi {
  @Inject CatalogService catalog;
  @Inject TaggingService tagging;
  @Context UriInfo uriInfo;
  @Context SecurityContext security;
  @Context Request request;

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response createEntry(EntryWrite body) {
    CatalogEntry entry =
        withApiFieldNames(
            () -> catalog.create(EntryMapper.toDraft(body, parentExternalId(body)), actor()));
    return Response.created(uriInfo.getBaseUriBuilder().path("entries/{id}").build(entry.getId()))
        .tag(EntityVersions.etag(entry.getVersion()))
        .entity(EntryMapper.toDto(entry, List.of()))
        .build();
  }

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response listEntries(
      String q,
      dev.marquee.api.model.EntryKind kind,
      String genre,
      List<String> tag,
      String maturityScheme,
      String maturityValue,
      Integer maxMinimumAge,
      OffsetDateTime updatedSince,
      dev.marquee.api.model.EntryStatus status,
      String sort,
      String cursor,
      Integer limit) {
    EntryFilter filter =
        new EntryFilter(
            q,
            kind == null ? null : EntryKind.valueOf(kind.name()),
            genre,
            tagFilters(tag),
            maturityScheme,
            maturityValue,
            maxMinimumAge,
            updatedSince == null ? null : updatedSince.toInstant(),
            status == null ? null : EntryStatus.valueOf(status.name()));
    EntrySort order = "-updatedAt".equals(sort) ? EntrySort.UPDATED_AT : EntrySort.TITLE;
    Page<CatalogEntry> page = catalog.list(filter, order, cursor, limit);
    Map<UUID, List<EntryTag>> tags =
        tagging.tagsOf(page.items().stream().map(CatalogEntry::getId).toList());
    EntryPage body =
        new EntryPage()
            .items(
                page.items().stream()
                    .map(e -> EntryMapper.toDto(e, tags.getOrDefault(e.getId(), List.of())))
                    .toList())
            .nextCursor(page.nextCursor());
    return PageLinks.withNext(Response.ok(body), uriInfo, page.nextCursor()).build();
  }

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response getEntry(UUID entryId) {
    CatalogEntry entry = catalog.get(entryId);
    EntityTag etag = EntityVersions.etag(entry.getVersion());
    Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
    if (notModified != null) {
      return notModified.build();
    }
    return Response.ok(EntryMapper.toDto(entry, tagging.tagsOf(entryId))).tag(etag).build();
  }

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response updateEntry(UUID entryId, String ifMatch, EntryWrite body) {
    OptionalLong expected = EntityVersions.requiredVersion(ifMatch);
    long version = expected.orElseGet(() -> catalog.get(entryId).getVersion());
    return withEntity(
        withApiFieldNames(
            () ->
                catalog.update(
                    entryId, version, EntryMapper.toDraft(body, parentExternalId(body)), actor())));
  }

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response deleteEntry(UUID entryId, String ifMatch) {
    catalog.delete(entryId, optionalVersion(ifMatch), actor());
    return Response.noContent().build();
  }

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response archiveEntry(UUID entryId, String ifMatch) {
    return withEntity(catalog.archive(entryId, optionalVersion(ifMatch), actor()));
  }

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response restoreEntry(UUID entryId, String ifMatch) {
    return withEntity(catalog.restore(entryId, optionalVersion(ifMatch), actor()));
  }

  private Response withEntity(CatalogEntry entry) {
    return Response.ok(EntryMapper.toDto(entry, tagging.tagsOf(entry.getId())))
        .tag(EntityVersions.etag(entry.getVersion()))
        .build();
  }

  /** If-Match is optional for these operations; when sent, it must name the current version. */
  private static Long optionalVersion(String ifMatch) {
    OptionalLong expected = EntityVersions.optionalVersion(ifMatch);
    return expected.isPresent() ? expected.getAsLong() : null;
  }

  /** The domain names the parent by external id; the API by id, so errors name {@code parentId}. */
  private static CatalogEntry withApiFieldNames(Supplier<CatalogEntry> call) {
    try {
      return call.get();
    } catch (InvalidInputException e) {
      List<FieldError> renamed =
          e.errors().stream()
              .map(
                  f ->
                      "parentExternalId".equals(f.field())
                          ? new FieldError("parentId", f.message())
                          : f)
              .toList();
      throw new InvalidInputException(
          e.getMessage().replace("parentExternalId", "parentId"), renamed);
    }
  }

  private String parentExternalId(EntryWrite body) {
    if (body.getParentId() == null) {
      return null;
    }
    try {
      return catalog.get(body.getParentId()).getExternalId();
    } catch (ResourceNotFoundException e) {
      throw new InvalidInputException(new FieldError("parentId", "no entry has this id"));
    }
  }

  private static List<TagRef> tagFilters(List<String> tags) {
    if (tags == null) {
      return List.of();
    }
    return tags.stream().map(t -> TagRef.parse(t, "tag")).toList();
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }
}
