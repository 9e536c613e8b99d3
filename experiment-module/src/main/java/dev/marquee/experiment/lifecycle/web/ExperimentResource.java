package dev.marquee.experiment.lifecycle.web;

import dev.marquee.api.ExperimentsApi;
import dev.marquee.api.model.AssignmentPreviewRequest;
import dev.marquee.api.model.ExperimentPage;
import dev.marquee.api.model.ExperimentWrite;
import dev.marquee.experiment.bandit.BanditService;
import dev.marquee.experiment.enrolment.AssignmentService;
import dev.marquee.experiment.lifecycle.Experiment;
import dev.marquee.experiment.lifecycle.ExperimentFilter;
import dev.marquee.experiment.lifecycle.ExperimentService;
import dev.marquee.experiment.lifecycle.ExperimentState;
import dev.marquee.experiment.results.ResultsService;
import dev.marquee.experiment.results.web.ResultsMapper;
import dev.marquee.paging.Page;
import dev.marquee.security.Roles;
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
import java.util.OptionalLong;
import java.util.UUID;

/** Experiments over HTTP: the generated {@link ExperimentsApi}. */
@RequestScoped
@Transactional
public class ExperimentResource implements ExperimentsApi {
  @Inject ExperimentService experiments;
  @Inject AssignmentService assignments;
  @Inject ResultsService results;
  @Inject BanditService bandits;
  @Context UriInfo uriInfo;
  @Context SecurityContext security;
  @Context Request request;

  @Override
  @RolesAllowed({Roles.EXPERIMENTER, Roles.EDITOR, Roles.PUBLISHER, Roles.ADMIN})
  public Response listExperiments(
      UUID entryId,
      dev.marquee.api.model.ExperimentState state,
      UUID audienceGroupId,
      String cursor,
      Integer limit) {
    ExperimentFilter filter =
        new ExperimentFilter(
            entryId, state == null ? null : ExperimentState.valueOf(state.name()), audienceGroupId);
    Page<Experiment> page = experiments.list(filter, cursor, limit);
    ExperimentPage body =
        new ExperimentPage()
            .items(page.items().stream().map(ExperimentMapper::toDto).toList())
            .nextCursor(page.nextCursor());
    return PageLinks.withNext(Response.ok(body), uriInfo, page.nextCursor()).build();
  }

  @Override
  @RolesAllowed(Roles.EXPERIMENTER)
  public Response createExperiment(ExperimentWrite body) {
    Experiment x = experiments.create(ExperimentMapper.toDraft(body), actor());
    return Response.created(uriInfo.getBaseUriBuilder().path("experiments/{id}").build(x.getId()))
        .tag(EntityVersions.etag(x.getVersion()))
        .entity(ExperimentMapper.toDto(x))
        .build();
  }

  @Override
  @RolesAllowed({Roles.EXPERIMENTER, Roles.EDITOR, Roles.PUBLISHER, Roles.ADMIN})
  public Response getExperiment(UUID experimentId) {
    Experiment x = experiments.get(experimentId);
    EntityTag etag = EntityVersions.etag(x.getVersion());
    Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
    if (notModified != null) {
      return notModified.build();
    }
    return Response.ok(ExperimentMapper.toDto(x)).tag(etag).build();
  }

  @Override
  @RolesAllowed(Roles.EXPERIMENTER)
  public Response updateExperiment(UUID experimentId, String ifMatch, ExperimentWrite body) {
    Long expected = version(EntityVersions.requiredVersion(ifMatch));
    return withEntity(
        experiments.update(experimentId, expected, ExperimentMapper.toDraft(body), actor()));
  }

  @Override
  @RolesAllowed(Roles.EXPERIMENTER)
  public Response deleteExperiment(UUID experimentId, String ifMatch) {
    experiments.delete(experimentId, optional(ifMatch), actor());
    return Response.noContent().build();
  }

  @Override
  @RolesAllowed(Roles.EXPERIMENTER)
  public Response startExperiment(UUID experimentId, String ifMatch) {
    return withEntity(experiments.start(experimentId, optional(ifMatch), actor()));
  }

  @Override
  @RolesAllowed(Roles.EXPERIMENTER)
  public Response pauseExperiment(UUID experimentId, String ifMatch) {
    return withEntity(experiments.pause(experimentId, optional(ifMatch), actor()));
  }

  @Override
  @RolesAllowed(Roles.EXPERIMENTER)
  public Response resumeExperiment(UUID experimentId, String ifMatch) {
    return withEntity(experiments.resume(experimentId, optional(ifMatch), actor()));
  }

  @Override
  @RolesAllowed(Roles.EXPERIMENTER)
  public Response stopExperiment(UUID experimentId, String ifMatch) {
    return withEntity(experiments.stop(experimentId, optional(ifMatch), actor()));
  }

  @Override
  @RolesAllowed(Roles.EXPERIMENTER)
  public Response rerandomizeExperiment(UUID experimentId, String ifMatch) {
    return withEntity(experiments.rerandomize(experimentId, optional(ifMatch), actor()));
  }

  @Override
  @RolesAllowed(Roles.EXPERIMENTER)
  public Response reallocateExperiment(UUID experimentId, String ifMatch) {
    return withEntity(bandits.reallocateNow(experimentId, optional(ifMatch), actor()));
  }

  @Override
  @RolesAllowed(Roles.EXPERIMENTER)
  public Response previewAssignment(UUID experimentId, AssignmentPreviewRequest body) {
    Experiment x = experiments.get(experimentId);
    UUID group =
        body.getAudienceGroupId() == null
            ? x.getAudienceGroupIds().get(0)
            : body.getAudienceGroupId();
    return Response.ok(ExperimentMapper.toDto(assignments.preview(x, body.getViewerId(), group), x))
        .build();
  }

  @Override
  @RolesAllowed({Roles.EXPERIMENTER, Roles.EDITOR, Roles.PUBLISHER, Roles.ADMIN})
  public Response getExperimentResults(UUID experimentId) {
    return Response.ok(ResultsMapper.toDto(results.results(experimentId))).build();
  }

  private Response withEntity(Experiment x) {
    return Response.ok(ExperimentMapper.toDto(x)).tag(EntityVersions.etag(x.getVersion())).build();
  }

  private static Long optional(String ifMatch) {
    return version(EntityVersions.optionalVersion(ifMatch));
  }

  private static Long version(OptionalLong v) {
    return v.isPresent() ? v.getAsLong() : null;
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }
}
