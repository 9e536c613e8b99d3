package dev.marquee.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** {@link ProcessedWebhookRepository} on JPA. */
@ApplicationScoped
public class JpaProcessedWebhookRepository implements ProcessedWebhookRepository {
  @PersistenceContext private EntityManager em;

  protected JpaProcessedWebhookRepository() {}

  /** For use outside a container. */
  public JpaProcessedWebhookRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public boolean contains(String source, String webhookId) {
    return em.find(ProcessedWebhook.class, new ProcessedWebhook.Key(source, webhookId)) != null;
  }

  @Override
  public void add(ProcessedWebhook processed) {
    em.persist(processed);
  }
}
