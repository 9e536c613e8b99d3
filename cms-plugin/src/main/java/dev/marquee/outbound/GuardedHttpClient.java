package dev.marquee.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP for URLs that users configure (webhooks, image import): only http(s), no credentials in the
 * URL, only destinations the {@link OutboundAddressPolicy} allows, a connect and a total time
 * limit, a response size limit, and redirects followed by hand (GET only) with every hop checked
 * again.
 *
 * <p>The host is resolved and checked just before each request; the JDK's resolver cache (30 s by
 * default) then serves the client the same addresses, which narrows DNS-rebinding to that window.
 */
public final class GuardedHttpClient {
  /** Limits for one call. */
  public record Limits(
      Duration connectTimeout, Duration timeout, long maxResponseBytes, int maxRedirects) {}

  /** A completed exchange with the body read up to the limit. */
  public record Reply(int status, java.net.http.HttpHeaders headers, byte[] body, URI uri) {}

  private final OutboundAddressPolicy policy;
  private final HttpClient http;
  private final Limits limits;
  private final HostResolver resolver;

  /** Resolves host names; replaceable so tests can resolve names to chosen addresses. */
  @FunctionalInterface
  public interface HostResolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  public GuardedHttpClient(OutboundAddressPolicy policy, Limits limits) {
    this(policy, limits, InetAddress::getAllByName);
  }

  GuardedHttpClient(OutboundAddressPolicy policy, Limits limits, HostResolver resolver) {
    this.policy = policy;
    this.limits = limits;
    this.resolver = resolver;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(limits.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
  }

  /** Checks a URL without connecting, e.g. when a webhook subscription is saved. */
  public void checkDestination(URI uri) throws RefusedDestinationException {
    String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new RefusedDestinationException("only http and https URLs are allowed");
    }
    if (uri.getRawUserInfo() != null) {
      throw new RefusedDestinationException("URLs must not contain credentials");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new RefusedDestinationException("the URL has no host");
    }
    InetAddress[] addresses;
    try {
      addresses =
          resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (UnknownHostException e) {
      throw new RefusedDestinationException("the host " + host + " does not resolve");
    }
    for (InetAddress address : addresses) {
      Optional<String> refusal = policy.refusal(address);
      if (refusal.isPresent()) {
        // Every address must pass: the client may pick any of them.
        throw new RefusedDestinationException(
            "the host " + host + " resolves to a " + refusal.get() + ", which is not allowed");
      }
    }
  }

  /**
   * Sends the request. GET requests follow up to {@code maxRedirects} redirects, each checked;
   * other methods return the 3xx as is (re-sending a body elsewhere is never what a webhook means).
   */
  public Reply send(HttpRequest request) throws IOException, InterruptedException {
    HttpRequest current = request;
    for (int hop = 0; ; hop++) {
      checkDestination(current.uri());
      HttpRequest timed =
          HttpRequest.newBuilder(current, (name, value) -> true).timeout(limits.timeout()).build();
      HttpResponse<InputStream> response =
          http.send(timed, HttpResponse.BodyHandlers.ofInputStream());
      Optional<String> location = response.headers().firstValue("Location");
      boolean redirect = response.statusCode() / 100 == 3 && location.isPresent();
      if (!redirect || !"GET".equals(current.method()) || hop >= limits.maxRedirects()) {
        return new Reply(
            response.statusCode(), response.headers(), readLimited(response.body()), current.uri());
      }
      response.body().close();
      URI next = current.uri().resolve(location.get());
      current = HttpRequest.newBuilder(current, (name, value) -> true).uri(next).build();
    }
  }

  private byte[] readLimited(InputStream body) throws IOException {
    try (InputStream in = body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      long total = 0;
      for (int n; (n = in.read(buffer)) >= 0; ) {
        total += n;
        if (total > limits.maxResponseBytes()) {
          throw new ResponseTooLargeException(limits.maxResponseBytes());
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }
}
