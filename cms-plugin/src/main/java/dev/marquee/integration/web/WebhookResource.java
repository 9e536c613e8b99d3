package dev.marquee.integration.web;

import dev.marquee.api.IntegrationsApi;
import dev.marquee.integration.InboundWebhookService;
import dev.marquee.integration.WebhookReceipt;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * Receives host-CMS deliveries. No user signs in here: the Standard Webhooks signature over the
 * exact body bytes authenticates the sender, so the body is read raw and verified before parsing.
 */
@RequestScoped
public class WebhookResource implements IntegrationsApi {
  @Inject InboundWebhookService webhooks;
  @Context HttpHeaders headers;

  @Override
  @PermitAll
  public Response receiveWebhook(
      String source,
      String webhookId,
      String webhookTimestamp,
      String webhookSignature,
      InputStream payload) {
    byte[] body;
    try {
      body = payload.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    WebhookReceipt receipt = webhooks.receive(source, headers.getRequestHeaders(), body);
    return Response.ok(
            new dev.marquee.api.model.WebhookReceipt()
                .webhookId(receipt.webhookId())
                .status(
                    receipt.replayed()
                        ? dev.marquee.api.model.WebhookReceipt.StatusEnum.DUPLICATE
                        : dev.marquee.api.model.WebhookReceipt.StatusEnum.ACCEPTED))
        .build();
  }
}
