package dev.marquee.catalog.importing.web;

import dev.marquee.api.ImportsApi;
import dev.marquee.api.model.ImportReport;
import dev.marquee.api.model.ImportRowError;
import dev.marquee.catalog.importing.CatalogImportService;
import dev.marquee.catalog.importing.ImportFormat;
import dev.marquee.catalog.importing.ImportResult;
import dev.marquee.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;

/**
 * Bulk import. The body arrives as a stream (already size-limited and UTF-8-checked by {@code
 * RequestBodyGuard}) because per-row errors belong in the report, not in a whole-request 400.
 */
@RequestScoped
@Transactional // DTOs are mapped inside the transaction, while lazy collections can still load.
public class ImportResource implements ImportsApi {
  @Inject CatalogImportService imports;
  @Context HttpHeaders headers;
  @Context SecurityContext security;

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response importEntries(InputStream document) {
    ImportResult result =
        imports.importFile(
            format(headers.getMediaType()), document, security.getUserPrincipal().getName());
    return Response.ok(
            new ImportReport()
                .total(result.total())
                .created(result.created())
                .updated(result.updated())
                .unchanged(result.unchanged())
                .failed(result.failed())
                .errors(
                    result.errors().stream()
                        .map(
                            e ->
                                new ImportRowError()
                                    .row(e.row())
                                    .externalId(e.externalId())
                                    .field(e.field())
                                    .message(e.message()))
                        .toList()))
        .build();
  }

  private static ImportFormat format(MediaType type) {
    if (type != null && "text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
      return ImportFormat.CSV;
    }
    if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      return ImportFormat.JSON;
    }
    throw new NotSupportedException("Send text/csv or application/json.");
  }
}
