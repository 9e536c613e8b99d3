package dev.marquee.account.web;

import dev.marquee.account.LocalAccount;
import dev.marquee.account.UserManagement;
import dev.marquee.api.UsersApi;
import dev.marquee.api.model.PasswordChange;
import dev.marquee.api.model.PasswordSet;
import dev.marquee.api.model.UserCreate;
import dev.marquee.api.model.UserPage;
import dev.marquee.api.model.UserUpdate;
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

/** Local accounts over HTTP: administrators manage them, everybody changes their own password. */
@RequestScoped
@Transactional
public class UserResource implements UsersApi {
  @Inject UserManagement users;
  @Context UriInfo uriInfo;
  @Context SecurityContext security;
  @Context Request request;

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response listUsers(String cursor, Integer limit) {
    Page<LocalAccount> page = users.list(cursor, limit);
    UserPage body =
        new UserPage()
            .items(page.items().stream().map(UserMapper::toDto).toList())
            .nextCursor(page.nextCursor());
    return PageLinks.withNext(Response.ok(body), uriInfo, page.nextCursor()).build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response createUser(UserCreate body) {
    LocalAccount account =
        users.create(
            body.getUsername(), body.getPassword(), UserMapper.roleNames(body.getRoles()), actor());
    return Response.created(uriInfo.getBaseUriBuilder().path("users/{id}").build(account.id()))
        .tag(EntityVersions.etag(account.version()))
        .entity(UserMapper.toDto(account))
        .build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response getUser(UUID userId) {
    LocalAccount account = users.get(userId);
    EntityTag etag = EntityVersions.etag(account.version());
    Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
    if (notModified != null) {
      return notModified.build();
    }
    return Response.ok(UserMapper.toDto(account)).tag(etag).build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response updateUser(UUID userId, String ifMatch, UserUpdate body) {
    OptionalLong expected = EntityVersions.requiredVersion(ifMatch);
    LocalAccount account =
        users.update(
            userId,
            expected.isPresent() ? expected.getAsLong() : null,
            UserMapper.roleNames(body.getRoles()),
            Boolean.TRUE.equals(body.getEnabled()),
            actor());
    return Response.ok(UserMapper.toDto(account))
        .tag(EntityVersions.etag(account.version()))
        .build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response deleteUser(UUID userId, String ifMatch) {
    OptionalLong expected = EntityVersions.optionalVersion(ifMatch);
    users.delete(userId, expected.isPresent() ? expected.getAsLong() : null, actor());
    return Response.noContent().build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response setUserPassword(UUID userId, PasswordSet body) {
    users.setPassword(userId, body.getPassword(), actor());
    return Response.noContent().build();
  }

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response changeOwnPassword(PasswordChange body) {
    users.changeOwnPassword(actor(), body.getCurrentPassword(), body.getNewPassword());
    return Response.noContent().build();
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }
}
