package dev.marquee.experiment.feed.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.marquee.api.DeliveryFeedApi;
import dev.marquee.api.model.DeliveryRow;
import dev.marquee.api.model.DeliveryRowList;
import dev.marquee.api.model.DeviceClass;
import dev.marquee.api.model.Feed;
import dev.marquee.api.model.FeedAudienceGroup;
import dev.marquee.api.model.FeedItem;
import dev.marquee.api.model.FeedRequest;
import dev.marquee.api.model.FeedTracking;
import dev.marquee.api.model.ProfileType;
import dev.marquee.delivery.access.DeliveryCaller;
import dev.marquee.experiment.audience.ViewerContext;
import dev.marquee.experiment.audience.web.AudienceMapper;
import dev.marquee.experiment.feed.FeedAnswer;
import dev.marquee.experiment.feed.FeedQuery;
import dev.marquee.experiment.feed.FeedRendition;
import dev.marquee.experiment.feed.FeedRowView;
import dev.marquee.experiment.feed.FeedService;
import dev.marquee.experiment.feed.FeedSnapshots;
import dev.marquee.web.JsonMapperProvider;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
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
 * hash of the exact bytes sent.
 */
@RequestScoped
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
    byte[] body = json(toDto(answer));
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
    byte[] body = json(toDto(feed.answer(query, caller.app().name())));
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

  private Feed toDto(FeedAnswer answer) {
    String base = assetBaseUrl.map(String::trim).map(DeliveryFeedResource::stripSlash).orElse("");
    List<FeedItem> items = new ArrayList<>(answer.items().size());
    for (FeedAnswer.Item i : answer.items()) {
      FeedItem item =
          new FeedItem()
              .requested(i.requested())
              .status(FeedItem.StatusEnum.fromValue(i.status().name()))
              .title(i.title())
              .renditions(null);
      if (i.entry() != null) {
        item.entryId(i.entry().id()).externalId(i.entry().externalId());
      }
      if (i.variant() != null) {
        List<dev.marquee.api.model.FeedRendition> renditions = new ArrayList<>();
        for (FeedRendition r : i.variant().renditions()) {
          renditions.add(
              new dev.marquee.api.model.FeedRendition()
                  .url(base + r.path())
                  .width(r.width())
                  .height(r.height())
                  .format(dev.marquee.api.model.FeedRendition.FormatEnum.fromValue(r.format())));
        }
        item.source(FeedItem.SourceEnum.fromValue(i.source().name()))
            .variantId(i.variant().id())
            .renditions(renditions);
      }
      if (i.tracking() != null) {
        item.tracking(
            new FeedTracking()
                .experimentId(i.tracking().experimentId())
                .armId(i.tracking().armId())
                .audienceGroupId(i.tracking().audienceGroupId()));
      }
      items.add(item);
    }
    return new Feed()
        .audienceGroup(
            new FeedAudienceGroup()
                .id(answer.audienceGroup().groupId())
                .name(answer.audienceGroup().name()))
        .heldOut(answer.heldOut())
        .items(items);
  }

  private static byte[] json(Feed feed) {
    try {
      return JsonMapperProvider.mapper().writeValueAsBytes(feed);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a feed answer is always serialisable", e);
    }
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
