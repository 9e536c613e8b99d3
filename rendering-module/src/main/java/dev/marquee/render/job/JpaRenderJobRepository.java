package dev.marquee.render.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link RenderJobRepository} on JPA. */
@ApplicationScoped
public class JpaRenderJobRepository implements RenderJobRepository {
  @PersistenceContext private EntityManager em;

  protected JpaRenderJobRepository() {}

  /** For use outside a container. */
  public JpaRenderJobRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<RenderJob> find(UUID id) {
    return Optional.ofNullable(em.find(RenderJob.class, id));
  }

  @Override
  public List<RenderJob> listUnfinished(String node) {
    return em.createQuery(
            "select j from RenderJob j where j.node = :node and j.state in :states",
            RenderJob.class)
        .setParameter("node", node)
        .setParameter("states", List.of(RenderJobState.QUEUED, RenderJobState.RUNNING))
        .getResultList();
  }

  @Override
  public void add(RenderJob job) {
    em.persist(job);
  }
}
