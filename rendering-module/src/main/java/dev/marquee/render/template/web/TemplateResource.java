package dev.marquee.render.template.web;

import dev.marquee.api.TemplatesApi;
import dev.marquee.api.model.TemplateAsset;
import dev.marquee.api.model.TemplatePage;
import dev.marquee.api.model.TemplateStatus;
import dev.marquee.api.model.TemplateWrite;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.paging.Page;
import dev.marquee.render.template.TemplateAssets;
import dev.marquee.render.template.TemplateService;
import dev.marquee.render.template.TemplateVersion;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/** Templates and logo assets over HTTP: the generated {@link TemplatesApi}. */
@RequestScoped
@Transactional
public class TemplateResource implements TemplatesApi {
  @Inject TemplateService templates;
  @Inject TemplateAssets assets;
  @Context UriInfo uriInfo;
  @Context SecurityContext security;
  @Context Request request;

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response createTemplate(TemplateWrite body) {
    TemplateVersion created =
        templates.create(
            body.getName(),
            body.getDescription(),
            TemplateMapper.toDefinition(body.getDefinition()),
            actor());
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path("templates/{name}")
                .build(created.getTemplate().getName()))
        .tag(etag(created))
        .entity(TemplateMapper.toDto(created))
        .build();
  }

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response listTemplates(TemplateStatus status, String cursor, Integer limit) {
    Page<TemplateVersion> page =
        templates.list(
            status == null
                ? null
                : dev.marquee.render.template.TemplateStatus.valueOf(status.name()),
            cursor,
            limit);
    TemplatePage body =
        new TemplatePage()
            .items(page.items().stream().map(TemplateMapper::toDto).toList())
            .nextCursor(page.nextCursor());
    return PageLinks.withNext(Response.ok(body), uriInfo, page.nextCursor()).build();
  }

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response getTemplate(String templateName) {
    return withConditional(templates.latest(templateName));
  }

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response getTemplateVersion(String templateName, Integer templateVersion) {
    return withConditional(templates.version(templateName, templateVersion));
  }

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response updateTemplate(String templateName, String ifMatch, TemplateWrite body) {
    OptionalLong expected = EntityVersions.requiredVersion(ifMatch);
    if (!templateName.equals(body.getName())) {
      throw new InvalidInputException(
          new FieldError("name", "must be the template's name '" + templateName + "'"));
    }
    TemplateVersion version =
        templates.update(
            templateName,
            expected.isPresent() ? (int) expected.getAsLong() : null,
            body.getDescription(),
            TemplateMapper.toDefinition(body.getDefinition()),
            actor());
    return Response.ok(TemplateMapper.toDto(version)).tag(etag(version)).build();
  }

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response archiveTemplate(String templateName, String ifMatch) {
    OptionalLong expected = EntityVersions.optionalVersion(ifMatch);
    templates.archive(
        templateName, expected.isPresent() ? (int) expected.getAsLong() : null, actor());
    return Response.noContent().build();
  }

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response uploadTemplateAsset(InputStream body) {
    byte[] bytes;
    try {
      bytes = body == null ? new byte[0] : body.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TemplateAssets.Logo logo = assets.store(bytes);
    TemplateAsset dto =
        new TemplateAsset()
            .asset(logo.key().sha256Hex())
            .width(logo.width())
            .height(logo.height())
            .url("/assets/" + logo.key().sha256Hex() + ".png");
    return Response.status(logo.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(dto)
        .build();
  }

  private Response withConditional(TemplateVersion version) {
    EntityTag etag = etag(version);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
    if (notModified != null) {
      return notModified.build();
    }
    return Response.ok(TemplateMapper.toDto(version)).tag(etag).build();
  }

  private static EntityTag etag(TemplateVersion version) {
    return EntityVersions.etag(version.getNumber());
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }
}
