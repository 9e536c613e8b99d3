package dev.marquee.render.job.web;

import dev.marquee.api.RenderJobsApi;
import dev.marquee.render.job.RenderJobs;
import dev.marquee.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Render jobs over HTTP: the generated {@link RenderJobsApi}. */
@RequestScoped
@Transactional
public class RenderJobResource implements RenderJobsApi {
  @Inject RenderJobs jobs;

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response getRenderJob(UUID jobId) {
    return Response.ok(RenderJobMapper.toDto(jobs.get(jobId))).build();
  }
}
