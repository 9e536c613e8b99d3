package dev.marquee.integration;

/**
 * A webhook delivery's Standard Webhooks headers are missing, malformed, too old or do not match
 * the body. The web layer answers 401 Unauthorized.
 */
public class WebhookAuthenticationException extends RuntimeException {
  public WebhookAuthenticationException(String message) {
    super(message);
  }
}
