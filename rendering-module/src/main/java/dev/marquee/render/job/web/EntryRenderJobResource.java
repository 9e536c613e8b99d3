package dev.marquee.render.job.web;

import dev.marquee.api.EntryRenderJobsApi;
import dev.marquee.api.model.RenderJobRequest;
import dev.marquee.render.job.RenderJob;
import dev.marquee.render.job.RenderJobSubmission;
import dev.marquee.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** Starting an entry's render job over HTTP: the generated {@link EntryRenderJobsApi}. */
@RequestScoped
// The job must be committed before a worker picks it up, so no transaction spans the request.
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class EntryRenderJobResource implements EntryRenderJobsApi {
  @Inject RenderJobSubmission submission;
  @Context UriInfo uriInfo;
  @Context SecurityContext security;

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response createRenderJob(UUID entryId, RenderJobRequest body) {
    RenderJobRequest request = body == null ? new RenderJobRequest() : body;
    RenderJob job =
        submission.submit(
            entryId,
            request.getTemplates(),
            request.getTagIds(),
            !Boolean.FALSE.equals(request.getIncludeUntagged()),
            security.getUserPrincipal().getName());
    return Response.accepted(RenderJobMapper.toDto(job))
        .location(uriInfo.getBaseUriBuilder().path("render-jobs/{id}").build(job.getId()))
        .build();
  }
}
