package dev.marquee.render.source;

import dev.marquee.render.store.AssetKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link SourceImageRepository} on JPA. */
@ApplicationScoped
public class JpaSourceImageRepository implements SourceImageRepository {
  @PersistenceContext private EntityManager em;

  protected JpaSourceImageRepository() {}

  /** For use outside a container. */
  public JpaSourceImageRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<SourceImage> find(UUID id) {
    return Optional.ofNullable(em.find(SourceImage.class, id));
  }

  @Override
  public Optional<SourceImage> findByContent(UUID entryId, AssetKey content) {
    return em.createQuery(
            "select i from SourceImage i where i.entry.id = :entry and i.contentHash = :hash",
            SourceImage.class)
        .setParameter("entry", entryId)
        .setParameter("hash", content.sha256Hex())
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<SourceImage> listByEntry(UUID entryId) {
    return em.createQuery(
            "select i from SourceImage i where i.entry.id = :entry order by i.uploadedAt, i.id",
            SourceImage.class)
        .setParameter("entry", entryId)
        .getResultList();
  }

  @Override
  public boolean isContentReferenced(AssetKey content) {
    return !em.createQuery("select i.id from SourceImage i where i.contentHash = :hash", UUID.class)
        .setParameter("hash", content.sha256Hex())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public void add(SourceImage image) {
    em.persist(image);
  }

  @Override
  public void remove(SourceImage image) {
    em.remove(image);
  }
}
