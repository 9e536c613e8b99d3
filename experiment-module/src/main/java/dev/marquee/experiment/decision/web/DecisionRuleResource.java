package dev.marquee.experiment.decision.web;

import dev.marquee.api.ExperimentDecisionRulesApi;
import dev.marquee.api.model.DecisionRuleWrite;
import dev.marquee.experiment.decision.DecisionPolicy;
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

/** An experiment's decision rule over HTTP; its ETag is the rule's revision. */
@RequestScoped
@Transactional
public class DecisionRuleResource implements ExperimentDecisionRulesApi {
  @Inject DecisionService decisions;
  @Context SecurityContext security;

  @Override
  @RolesAllowed({Roles.EXPERIMENTER, Roles.EDITOR, Roles.PUBLISHER, Roles.ADMIN})
  public Response getDecisionRule(UUID experimentId) {
    return withEntity(decisions.policy(experimentId));
  }

  @Override
  @RolesAllowed(Roles.EXPERIMENTER)
  public Response setDecisionRule(UUID experimentId, String ifMatch, DecisionRuleWrite body) {
    OptionalLong expected = EntityVersions.requiredVersion(ifMatch);
    return withEntity(
        decisions.setPolicy(
            experimentId,
            expected.isPresent() ? expected.getAsLong() : null,
            DecisionMapper.toRule(body),
            Boolean.TRUE.equals(body.getEvaluateOnSchedule()),
            security.getUserPrincipal().getName()));
  }

  private static Response withEntity(DecisionPolicy p) {
    return Response.ok(DecisionMapper.toDto(p)).tag(EntityVersions.etag(p.revision())).build();
  }
}
