package dev.marquee.integration;

/** Remembers which webhook messages were applied. */
public interface ProcessedWebhookRepository {
  boolean contains(String source, String webhookId);

  void add(ProcessedWebhook processed);
}
