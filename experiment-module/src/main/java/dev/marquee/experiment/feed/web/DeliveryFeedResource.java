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
import dev.marquee.experiment.feed.FeedQuery;
import dev.marquee.experiment.feed.FeedRowView;
import dev.marquee.experiment.feed.FeedService;
import dev.marquee.experiment.feed.FeedSnapshots;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The feed for front-end apps. The delivery API key filter has authenticated the app before this
 * runs ({@code @PermitAll}: no user role applies). Most GET requests are answered before they get
 * here, by {@link FeedServlet}; this resource answers the rest (POST, and every request the servlet
 * leaves to JAX-RS, such as invalid ones) with the same {@link FeedResponse}. Application-scoped,
 * unlike the management resources: it holds no per-request state (the caller is a request-scoped
 * proxy), and creating and injecting a resource instance for every feed request showed up in
 * profiles (docs/benchmarks.md, "Delivery feed").
 */
@ApplicationScoped
public class DeliveryFeedResource implements DeliveryFeedApi {
  @Inject FeedService feed;
  @Inject FeedSnapshots snapshots;
  @Inject DeliveryCaller caller;
  @Inject FeedResponse response;

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
            profileType == null ? null : profileType.name(),
            country,
            region,
            language,
            deviceClass == null ? null : deviceClass.name(),
            watched,
            affinity);
    FeedResponse.Written answer = response.ofGet(feed.answer(query, caller.app().name()));
    Response.ResponseBuilder r =
        ifNoneMatch != null && FeedResponse.matches(ifNoneMatch, answer.etag())
            ? Response.notModified()
            : Response.ok(answer.body().toByteArray(), MediaType.APPLICATION_JSON_TYPE);
    return r.header("ETag", answer.etag())
        .header("Cache-Control", answer.cacheControl())
        .header("Vary", FeedResponse.VARY)
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
    FeedResponse.Written answer = response.ofPost(feed.answer(query, caller.app().name()));
    return Response.ok(answer.body().toByteArray(), MediaType.APPLICATION_JSON_TYPE)
        .header("ETag", answer.etag())
        .header("Cache-Control", answer.cacheControl())
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
        .header("Cache-Control", response.publicCacheControl())
        .header("Vary", FeedResponse.VARY)
        .build();
  }
}
