package dev.marquee.experiment.holdout.web;

import dev.marquee.api.HoldoutApi;
import dev.marquee.api.model.Holdout;
import dev.marquee.api.model.HoldoutWrite;
import dev.marquee.experiment.assignment.GlobalHoldout;
import dev.marquee.experiment.holdout.HoldoutService;
import dev.marquee.experiment.holdout.HoldoutSetting;
import dev.marquee.security.Roles;
import dev.marquee.web.EntityVersions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.ZoneOffset;

/** The global holdout over HTTP: the generated {@link HoldoutApi}. */
@RequestScoped
@Transactional
public class HoldoutResource implements HoldoutApi {
  @Inject HoldoutService holdout;
  @Context SecurityContext security;

  @Override
  @RolesAllowed({Roles.EXPERIMENTER, Roles.EDITOR, Roles.PUBLISHER, Roles.ADMIN})
  public Response getHoldout() {
    return withEntity(holdout.setting());
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response updateHoldout(String ifMatch, HoldoutWrite body) {
    java.util.OptionalLong v = EntityVersions.requiredVersion(ifMatch);
    Long expected = v.isPresent() ? v.getAsLong() : null;
    double share = body.getShare() == null ? -1 : body.getShare();
    return withEntity(holdout.update(expected, share, security.getUserPrincipal().getName()));
  }

  private static Response withEntity(HoldoutSetting s) {
    Holdout dto =
        new Holdout()
            .share(s.getShare())
            .salt(GlobalHoldout.SALT)
            .version(s.getVersion())
            .updatedAt(s.getUpdatedAt().atOffset(ZoneOffset.UTC))
            .updatedBy(s.getUpdatedBy());
    return Response.ok(dto).tag(EntityVersions.etag(s.getVersion())).build();
  }
}
