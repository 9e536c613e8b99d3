package dev.marquee.experiment.decision.web;

import dev.marquee.api.ExperimentDecisionsApi;
import dev.marquee.api.model.DecisionRequest;
import dev.marquee.experiment.decision.DecisionService;
import dev.marquee.security.Roles;
import dev.marquee.web.EntityVersions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.OptionalLong;
import java.util.UUID;

/** Deciding an experiment, and the recorded decision, over HTTP. */
@RequestScoped
@Transactional
public class DecisionResource implements ExperimentDecisionsApi {
  @Inject DecisionService decisions;
  @Context SecurityContext security;

  @Override
  @RolesAllowed({Roles.EXPERIMENTER, Roles.EDITOR, Roles.PUBLISHER, Roles.ADMIN})
  public Response getDecision(UUID experimentId) {
    return Response.ok(DecisionMapper.toDto(decisions.decision(experimentId))).build();
  }

  @Override
  @RolesAllowed(Roles.EXPERIMENTER)
  public Response decideExperiment(UUID experimentId, String ifMatch, DecisionRequest body) {
    OptionalLong expected = EntityVersions.optionalVersion(ifMatch);
    return Response.ok(
            DecisionMapper.toDto(
                decisions.decide(
                    experimentId,
                    expected.isPresent() ? expected.getAsLong() : null,
                    body != null && Boolean.TRUE.equals(body.getEndIfInconclusive()),
                    security.getUserPrincipal().getName())))
        .build();
  }
}
