package dev.marquee.security.undertow;

import dev.marquee.account.LoginThrottle;
import dev.marquee.web.Problem;
import io.undertow.security.api.SecurityContext;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs before the server authenticates a request with HTTP Basic credentials: refuses the attempt
 * with 429 while the user name or the client address is held back ({@link LoginThrottle}), and
 * afterwards tells the throttle whether the server accepted the credentials. Malformed Basic
 * credentials are dropped (answered like none); requests without Basic credentials pass untouched.
 */
final class LoginThrottleHandler implements HttpHandler {
  private final HttpHandler next;
  private final LoginThrottle throttle;

  LoginThrottleHandler(HttpHandler next, LoginThrottle throttle) {
    this.next = next;
    this.throttle = throttle;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    if (!BasicCredentials.isBasic(authorization)) {
      next.handleRequest(exchange);
      return;
    }
    String username = BasicCredentials.username(authorization);
    if (username == null) {
      // Malformed Basic credentials are no credentials. (Elytron's Basic mechanism fails with a
      // 500 on bad base64; without the header it answers 401 like for an anonymous request.)
      exchange.getRequestHeaders().remove(Headers.AUTHORIZATION);
      next.handleRequest(exchange);
      return;
    }
    String address = address(exchange);
    Optional<Duration> wait = throttle.refusal(username, address, Instant.now());
    if (wait.isPresent()) {
      refuse(exchange, wait.get());
      return;
    }
    // Recorded when the answer is committed, before the client can see it and try again.
    exchange.addResponseCommitListener(committed -> record(committed, username, address));
    next.handleRequest(exchange);
  }

  private void record(HttpServerExchange exchange, String username, String address) {
    SecurityContext security = exchange.getSecurityContext();
    if (security != null
        && security.isAuthenticated()
        && security.getAuthenticatedAccount() != null
        && username.equals(security.getAuthenticatedAccount().getPrincipal().getName())) {
      throttle.succeeded(username, address);
      return;
    }
    // Only the Basic mechanism's own refusal counts, not a 401 of the delivery API's key check.
    String challenge = exchange.getResponseHeaders().getFirst(Headers.WWW_AUTHENTICATE);
    if (exchange.getStatusCode() == 401
        && challenge != null
        && challenge.regionMatches(true, 0, "Basic", 0, 5)) {
      throttle.failed(username, address, Instant.now());
    }
  }

  private static String address(HttpServerExchange exchange) {
    InetSocketAddress source = exchange.getSourceAddress();
    return source == null || source.getAddress() == null
        ? "unknown"
        : source.getAddress().getHostAddress();
  }

  /** 429 with Retry-After; the same answer whether or not the user exists. */
  private static void refuse(HttpServerExchange exchange, Duration wait) throws Exception {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    Problem problem =
        Problem.of(
                429,
                "login-throttled",
                "Too many failed sign-ins",
                "Too many failed sign-ins; retry after " + seconds + " s.")
            .at(exchange.getRequestPath());
    byte[] body = problem.toJson();
    exchange.setStatusCode(429);
    exchange.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(seconds));
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, Problem.MEDIA_TYPE);
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(ByteBuffer.wrap(body));
  }
}
