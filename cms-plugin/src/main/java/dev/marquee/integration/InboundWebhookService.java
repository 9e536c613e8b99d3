package dev.marquee.integration;

import dev.marquee.catalog.CatalogService;
import dev.marquee.catalog.UpsertResult;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.tagging.TaggingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Receives host-CMS webhooks: verifies the Standard Webhooks signature with the secret from {@value
 * #SECRET_KEY} (env {@code MARQUEE_INTEGRATION_WEBHOOK_SECRET}), ignores redeliveries of a {@code
 * webhook-id} already applied, lets the named {@link CatalogSource} read the payload and applies
 * the change as actor {@code webhook:<source>}. Change and processed id commit together.
 */
@ApplicationScoped
@Transactional
public class InboundWebhookService {
  /** MicroProfile Config key of the shared secret; unset disables the webhook. */
  public static final String SECRET_KEY = "marquee.integration.webhook-secret";

  private Iterable<CatalogSource> sources;
  private WebhookSignature signature;
  private CatalogService catalog;
  private TaggingService tagging;
  private ProcessedWebhookRepository processed;
  private Clock clock;

  protected InboundWebhookService() {}

  @Inject
  public InboundWebhookService(
      @Any Instance<CatalogSource> sources,
      @ConfigProperty(name = SECRET_KEY) Optional<String> secret,
      CatalogService catalog,
      TaggingService tagging,
      ProcessedWebhookRepository processed) {
    this(sources, secret, catalog, tagging, processed, Clock.systemUTC());
  }

  /** For use outside a container and with a fixed clock. */
  public InboundWebhookService(
      Iterable<CatalogSource> sources,
      Optional<String> secret,
      CatalogService catalog,
      TaggingService tagging,
      ProcessedWebhookRepository processed,
      Clock clock) {
    this.sources = sources;
    this.signature = secret.filter(s -> !s.isBlank()).map(WebhookSignature::new).orElse(null);
    this.catalog = catalog;
    this.tagging = tagging;
    this.processed = processed;
    this.clock = clock;
  }

  /**
   * Handles one delivery.
   *
   * @param sourceName the {@link CatalogSource#name()} from the URL
   * @param headers request headers (names case-insensitive)
   * @param body the raw body, exactly as received (the signature covers its bytes)
   * @throws WebhookDisabledException when no secret is configured (map to 503)
   * @throws ResourceNotFoundException when no source has this name (404)
   * @throws WebhookAuthenticationException when the signature headers do not verify (401)
   * @throws InvalidInputException when the payload is invalid (400)
   */
  public WebhookReceipt receive(String sourceName, Map<String, List<String>> headers, byte[] body) {
    if (signature == null) {
      throw new WebhookDisabledException(
          "The inbound webhook is disabled: set "
              + SECRET_KEY
              + " (MARQUEE_INTEGRATION_WEBHOOK_SECRET)");
    }
    CatalogSource source = source(sourceName);
    String webhookId = signature.verify(headers, body, clock.instant());
    if (processed.contains(source.name(), webhookId)) {
      return new WebhookReceipt(webhookId, true, "REPLAYED", null);
    }
    String actor = "webhook:" + source.name();
    CatalogChange change = source.read(body, headers);
    WebhookReceipt receipt;
    if (change instanceof CatalogChange.Upsert upsert) {
      UpsertResult result = catalog.upsert(upsert.draft(), actor);
      String outcome = result.outcome().name();
      if (upsert.tags() != null
          && tagging.replaceImportedTags(result.entry().getId(), upsert.tags(), actor)
          && "UNCHANGED".equals(outcome)) {
        // Only the tags changed; they are part of the entry's representation, so it is updated.
        result.entry().touch(actor, clock.instant());
        outcome = "UPDATED";
      }
      receipt = new WebhookReceipt(webhookId, false, outcome, result.entry().getExternalId());
    } else {
      CatalogChange.Archive archive = (CatalogChange.Archive) change;
      catalog.archiveByExternalId(archive.externalId(), actor);
      receipt = new WebhookReceipt(webhookId, false, "ARCHIVED", archive.externalId());
    }
    processed.add(new ProcessedWebhook(source.name(), webhookId, clock.instant()));
    return receipt;
  }

  private CatalogSource source(String name) {
    for (CatalogSource s : sources) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new ResourceNotFoundException("No catalog source named '" + name + "'");
  }
}
