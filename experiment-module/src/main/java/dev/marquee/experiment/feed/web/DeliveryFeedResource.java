package dev.marquee.experiment.feed.web;

import dev.marquee.api.DeliveryFeedApi;
import dev.marquee.api.model.DeliveryRow;
import dev.marquee.api.model.DeliveryRowList;
import dev.marquee.api.model.DeviceClass;
import dev.marquee.api.model.FeedRequest;
import dev.marquee.api.model.ProfileType;
import dev.marquee.delivery.access.DeliveryCaller;
import dev.marquee.experiment.audience.ViewerContext;
import dev.marquee.experiment.audience.web.AudienceMapper;
import dev.marquee.experiment.feed.FeedAnswer;
import dev.marquee.experiment.feed.FeedQuery;
import dev.marquee.experiment.feed.FeedRowView;
import dev.marquee.experiment.feed.FeedService;
import dev.marquee.experiment.feed.FeedSnapshots;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The feed for front-end apps. The delivery API key filter has authenticated the app before this
 * runs ({@code @PermitAll}: no user role applies). The answer is serialised once, so its ETag is a
 * hash of the exact bytes sent. Application-scoped, unlike the management resources: it holds no
 * per-request state (the caller is a request-scoped proxy), and creating and injecting a resource
 * instance for every feed request showed up in profiles (docs/benchmarks.md, "Delivery feed").
 * {@link FeedJson} writes the body.
 */
@ApplicationScoped
public class DeliveryFeedResource implements DeliveryFeedApi {
  /** Proxies and CDNs must keep answers apart per app (the CORS filter adds Origin). */
  private static final String VARY = "Authorization, X-Api-Key";

  @Inject FeedService feed;
  @Inject FeedSnapshots snapshots;
  @Inject DeliveryCaller caller;

  @Inject
  @ConfigProperty(name = "marquee.feed.asset-base-url")
  Optional<String> assetBaseUrl;

  @Inject
  @ConfigProperty(name = "marquee.feed.public-max-age", defaultValue = "PT10S")
  Duration publicMaxAge;

  @Override
  @PermitAll
  public Response getDeliveryFeed(
      String entries,
      String externalIds,
      String row,
      String viewerId,
      ProfileType profileType,
      String country,
      String region,
      String language,
      DeviceClass deviceClass,
      String watched,
      List<String> affinity,
      String ifNoneMatch) {
    FeedQuery query =
        FeedRequestParser.fromQuery(
            entries,
            externalIds,
            row,
            viewerId,
            profileType,
            country,
            region,
            language,
            deviceClass,
            watched,
            affinity);
    FeedAnswer answer = feed.answer(query, caller.app().name());
    byte[] body = FeedJson.write(answer, assetBase());
    String etag = etag(body);
    String cacheControl =
        answer.personalised() ? "private, no-cache" : "public, max-age=" + publicMaxAge.toSeconds();
    if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
      return Response.notModified()
          .header("ETag", etag)
          .header("Cache-Control", cacheControl)
          .header("Vary", VARY)
          .build();
    }
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
        .header("ETag", etag)
        .header("Cache-Control", cacheControl)
        .header("Vary", VARY)
        .build();
  }

  @Override
  @PermitAll
  public Response postDeliveryFeed(FeedRequest request) {
    ViewerContext context =
        request.getViewer() == null
            ? new ViewerContext(null, null, null, null, null, null, null, null)
            : AudienceMapper.toContext(request.getViewer());
    List<FeedQuery.Requested> requested = new ArrayList<>();
    request.getEntries().forEach(id -> requested.add(FeedQuery.Requested.byId(id)));
    request.getExternalIds().forEach(id -> requested.add(FeedQuery.Requested.byExternalId(id)));
    FeedQuery query = new FeedQuery(requested, request.getRow(), request.getViewerId(), context);
    byte[] body = FeedJson.write(feed.answer(query, caller.app().name()), assetBase());
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
        .header("ETag", etag(body))
        .header("Cache-Control", "no-store")
        .build();
  }

  @Override
  @PermitAll
  public Response listDeliveryRows() {
    List<DeliveryRow> rows =
        snapshots.current().rows().values().stream()
            .sorted(Comparator.comparing(FeedRowView::name))
            .map(
                r ->
                    new DeliveryRow()
                        .name(r.name())
                        .title(r.title())
                        .entryCount(r.entryIds().size()))
            .toList();
    return Response.ok(new DeliveryRowList().rows(rows))
        .header("Cache-Control", "public, max-age=" + publicMaxAge.toSeconds())
        .header("Vary", VARY)
        .build();
  }

  private String assetBase() {
    return assetBaseUrl.map(String::trim).map(DeliveryFeedResource::stripSlash).orElse("");
  }

  /** A strong ETag: the first 128 bits of the body's SHA-256, base64url. */
  static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\""
          + Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(java.util.Arrays.copyOf(digest, 16))
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** If-None-Match uses the weak comparison (RFC 9110 13.1.2): {@code W/} prefixes are ignored. */
  static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.equals("*")) {
        return true;
      }
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (c.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static String stripSlash(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
