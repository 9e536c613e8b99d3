package dev.marquee.experiment.events.web;

import dev.marquee.api.ViewersApi;
import dev.marquee.api.model.ViewerErasure;
import dev.marquee.experiment.events.ViewerErasureService;
import dev.marquee.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/** A viewer's personal data over HTTP: the generated {@link ViewersApi}. */
@RequestScoped
@Transactional
public class ViewerResource implements ViewersApi {
  @Inject ViewerErasureService erasure;
  @Context SecurityContext security;

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response eraseViewer(String viewerId) {
    Map<String, Integer> deleted = erasure.erase(viewerId, security.getUserPrincipal().getName());
    return Response.ok(
            new ViewerErasure()
                .events(deleted.get("events"))
                .viewerCounters(deleted.get("viewerCounters"))
                .assignments(deleted.get("assignments")))
        .build();
  }
}
