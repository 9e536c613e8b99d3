package dev.marquee.integration.web;

import dev.marquee.integration.WebhookAuthenticationException;
import dev.marquee.integration.WebhookDisabledException;
import dev.marquee.web.Problem;
import dev.marquee.web.ProblemResponses;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Problems of the inbound webhook: a bad signature is 401, an unconfigured webhook 503. */
public final class WebhookExceptionMappers {
  private WebhookExceptionMappers() {}

  /** 401: missing, stale or wrong signature; the detail says which without leaking the secret. */
  @Provider
  public static class BadSignature implements ExceptionMapper<WebhookAuthenticationException> {
    @Override
    public jakarta.ws.rs.core.Response toResponse(WebhookAuthenticationException e) {
      return ProblemResponses.of(
          Problem.of(401, "webhook-signature", "Invalid webhook signature", e.getMessage()));
    }
  }

  /** 503: no secret configured, so no delivery can be trusted. */
  @Provider
  public static class Disabled implements ExceptionMapper<WebhookDisabledException> {
    @Override
    public jakarta.ws.rs.core.Response toResponse(WebhookDisabledException e) {
      return ProblemResponses.of(
          Problem.of(503, "webhook-disabled", "Webhook disabled", e.getMessage()));
    }
  }
}
