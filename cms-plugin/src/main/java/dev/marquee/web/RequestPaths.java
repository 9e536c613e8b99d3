package dev.marquee.web;

import jakarta.ws.rs.core.UriInfo;

/**
 * The request path used as a problem's {@code instance}; public for the plugin modules' exception
 * mappers.
 */
public final class RequestPaths {
  private RequestPaths() {}

  public static String of(UriInfo uriInfo) {
    return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
  }
}
