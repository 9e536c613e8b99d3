package dev.marquee.integration;

/**
 * The inbound webhook is switched off because {@code marquee.integration.webhook-secret} (env
 * {@code MARQUEE_INTEGRATION_WEBHOOK_SECRET}) is not set. The web layer answers 503 Service
 * Unavailable.
 */
public class WebhookDisabledException extends RuntimeException {
  public WebhookDisabledException(String message) {
    super(message);
  }
}
