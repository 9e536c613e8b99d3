package dev.marquee.render.variant.web;

import dev.marquee.api.VariantsApi;
import dev.marquee.render.variant.VariantService;
import dev.marquee.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Variants over HTTP: the generated {@link VariantsApi}. */
@RequestScoped
@Transactional
public class VariantResource implements VariantsApi {
  @Inject VariantService variants;

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response getVariant(UUID variantId) {
    return Response.ok(VariantMapper.toDto(variants.get(variantId))).build();
  }
}
