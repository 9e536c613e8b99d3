package dev.marquee.render.source.web;

import dev.marquee.api.EntryImagesApi;
import dev.marquee.api.model.SourceImageList;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.render.source.SourceImage;
import dev.marquee.render.source.SourceImageService;
import dev.marquee.render.source.SpooledUpload;
import dev.marquee.render.source.UploadResult;
import dev.marquee.security.Roles;
import dev.marquee.web.EntityVersions;
import dev.marquee.web.HttpProblemException;
import dev.marquee.web.StreamedBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Providers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.UUID;

/**
 * Uploading and listing an entry's source images over HTTP: the generated {@link EntryImagesApi}.
 */
@RequestScoped
@Transactional // DTOs are mapped inside the transaction, while lazy associations can still load.
public class EntryImageResource implements EntryImagesApi {
  /** Room for multipart boundaries and part headers around a file of the maximum size. */
  static final long MULTIPART_FRAMING = 64 * 1024;

  private static final Type PARTS = new GenericType<List<EntityPart>>() {}.getType();
  private static final Annotation[] NONE = new Annotation[0];

  @Inject SourceImageService images;
  @Context HttpHeaders headers;
  @Context Providers providers;
  @Context UriInfo uriInfo;
  @Context SecurityContext security;

  /**
   * Not transactional: the body may take minutes to arrive and is spooled to disk before the
   * service's own short transaction starts.
   */
  @Override
  @RolesAllowed(Roles.EDITOR)
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  @StreamedBody(limitProperty = "marquee.images.max-bytes", framingAllowance = MULTIPART_FRAMING)
  public Response uploadSourceImage(UUID entryId, InputStream content) {
    MediaType type = headers.getMediaType();
    boolean multipart = type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE);
    try {
      String originalName = null;
      InputStream file = content;
      if (multipart) {
        EntityPart part = filePart(type, content);
        originalName = part.getFileName().orElse(null);
        file = part.getContent();
      }
      try (SpooledUpload upload = spool(file)) {
        UploadResult result =
            images.upload(entryId, upload, originalName, security.getUserPrincipal().getName());
        SourceImage image = result.image();
        Response.ResponseBuilder response =
            result.created()
                ? Response.created(
                    uriInfo
                        .getBaseUriBuilder()
                        .path("images")
                        .path(image.getId().toString())
                        .build())
                : Response.ok();
        return response
            .tag(EntityVersions.etag(image.getVersion()))
            .entity(SourceImageMapper.toDto(image))
            .build();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SpooledUpload spool(InputStream file) throws IOException {
    try {
      return SpooledUpload.receive(
          file, images.maxBytes(), java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
    } catch (IOException | RuntimeException e) {
      rethrowBodyLimit(e);
      throw e;
    }
  }

  /** The {@code file} part of a multipart form, parsed by the runtime's standard reader. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private EntityPart filePart(MediaType type, InputStream body) throws IOException {
    MessageBodyReader reader = providers.getMessageBodyReader(List.class, PARTS, NONE, type);
    if (reader == null) {
      throw new NotSupportedException("This server cannot read multipart/form-data.");
    }
    List<EntityPart> parts;
    try {
      parts =
          (List<EntityPart>)
              reader.readFrom(List.class, PARTS, NONE, type, headers.getRequestHeaders(), body);
    } catch (IOException | RuntimeException e) {
      rethrowBodyLimit(e);
      throw e;
    }
    return parts.stream()
        .filter(p -> "file".equals(p.getName()))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    new FieldError("file", "a multipart upload carries the image in field file")));
  }

  /** The body limit's 413 may surface wrapped by a parser; unwrap it so the client sees it. */
  private static void rethrowBodyLimit(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpProblemException problem) {
        throw problem;
      }
    }
  }

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response listSourceImages(UUID entryId) {
    return Response.ok(
            new SourceImageList()
                .items(images.list(entryId).stream().map(SourceImageMapper::toDto).toList()))
        .build();
  }
}
