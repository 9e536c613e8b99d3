package dev.marquee.web;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The RFC 8288 {@code Link: <…>; rel="next"} header of a cursor-paginated list. */
public final class PageLinks {
  private PageLinks() {}

  /** Adds the next-page link (same filters, the new cursor) when there is a next page. */
  public static Response.ResponseBuilder withNext(
      Response.ResponseBuilder response, UriInfo uriInfo, String nextCursor) {
    if (nextCursor == null) {
      return response;
    }
    return response.links(
        Link.fromUri(uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build())
            .rel("next")
            .build());
  }
}
