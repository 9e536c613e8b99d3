package dev.marquee.integration;

import dev.marquee.errors.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * SPI: turns a host CMS's webhook payload into a {@link CatalogChange}.
 *
 * <p>To connect a CMS, put a JAR beside the plugin with a CDI bean (e.g.
 * {@code @ApplicationScoped}) implementing this interface; the webhook at {@code
 * /api/v1/integration/webhooks/{name}} then routes deliveries to it by {@link #name()}. Signature
 * verification and replay protection happen before {@link #read} is called, and the change is
 * applied by Marquee, so implementations only parse. The built-in {@link MarqueeCatalogSource}
 * handles Marquee's own JSON.
 */
public interface CatalogSource {
  /** The unique, URL-safe name of this source, e.g. {@code marquee} or {@code my-cms}. */
  String name();

  /**
   * Reads one delivery.
   *
   * @param body the raw request body
   * @param headers request headers; names are lower-case
   * @throws InvalidInputException when the payload cannot be understood
   */
  CatalogChange read(byte[] body, Map<String, List<String>> headers);
}
