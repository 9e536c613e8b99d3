package dev.marquee.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enforces each operation's body limit (413 before the body is parsed, whatever the client
 * declared) and rejects text bodies that are not valid UTF-8: the JDK's default decoding would
 * silently turn bad bytes into U+FFFD and store corrupted titles. Methods marked {@link
 * StreamedBody} (binary uploads) are only capped at their own limit and read by the method.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class RequestBodyGuard implements ReaderInterceptor {

  @Inject
  @ConfigProperty(name = "marquee.http.max-body-bytes", defaultValue = "1048576")
  long maxBodyBytes;

  @Inject
  @ConfigProperty(name = "marquee.http.max-import-body-bytes", defaultValue = "67108864")
  long maxImportBodyBytes;

  @Context UriInfo uriInfo;
  @Context HttpHeaders headers;
  @Context ResourceInfo resourceInfo;

  private final Map<String, Optional<StreamedBody>> streamed = new ConcurrentHashMap<>();

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Optional<StreamedBody> streaming = streamedBody();
    if (streaming.isPresent()) {
      StreamedBody marker = streaming.get();
      long limit =
          ConfigProvider.getConfig().getValue(marker.limitProperty(), Long.class)
              + marker.framingAllowance();
      rejectDeclaredLengthOver(limit);
      context.setInputStream(new BoundedInputStream(context.getInputStream(), limit));
      return context.proceed();
    }
    long limit = limitFor(uriInfo.getPath());
    rejectDeclaredLengthOver(limit);
    byte[] body = readAtMost(context.getInputStream(), limit);
    if (isText(context.getMediaType())) {
      requireUtf8(body);
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  private void rejectDeclaredLengthOver(long limit) {
    String declared = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared != null && parseLength(declared) > limit) {
      throw HttpProblemException.payloadTooLarge(limit);
    }
  }

  /**
   * The marker on the implementing method. As for roles, the generated interface carries the JAX-RS
   * annotations and the implementation ours, so the implementation's method is looked up.
   */
  private Optional<StreamedBody> streamedBody() {
    Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
    if (method == null) {
      return Optional.empty();
    }
    List<Object> matched = uriInfo.getMatchedResources();
    Class<?> resourceClass =
        matched.isEmpty() ? resourceInfo.getResourceClass() : matched.get(0).getClass();
    return streamed.computeIfAbsent(
        resourceClass.getName() + "#" + method, key -> find(resourceClass, method));
  }

  static Optional<StreamedBody> find(Class<?> resourceClass, Method method) {
    for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Method implementation = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
        StreamedBody marker = implementation.getAnnotation(StreamedBody.class);
        if (marker != null) {
          return Optional.of(marker);
        }
      } catch (NoSuchMethodException e) {
        // not declared on this class (e.g. a CDI proxy subclass); try its superclass
      }
    }
    return Optional.empty();
  }

  long limitFor(String path) {
    return path.startsWith("/imports/") || path.startsWith("imports/")
        ? maxImportBodyBytes
        : maxBodyBytes;
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total > limit) {
        throw HttpProblemException.payloadTooLarge(limit);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static boolean isText(MediaType type) {
    if (type == null) {
      return false;
    }
    String subtype = type.getSubtype();
    return "text".equals(type.getType())
        || "json".equals(subtype)
        || subtype.endsWith("+json")
        || "csv".equals(subtype);
  }

  static void requireUtf8(byte[] body) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(body);
    try {
      decoder.decode(bytes);
    } catch (MalformedInputException e) {
      throw invalidUtf8("at byte offset " + bytes.position());
    } catch (CharacterCodingException e) {
      throw invalidUtf8("");
    }
  }

  private static HttpProblemException invalidUtf8(String where) {
    return new HttpProblemException(
        new Problem(
            "https://marquee.dev/problems/invalid-encoding",
            "Invalid character encoding",
            400,
            ("The request body is not valid UTF-8 " + where).trim() + ".",
            null,
            List.of()));
  }
}
