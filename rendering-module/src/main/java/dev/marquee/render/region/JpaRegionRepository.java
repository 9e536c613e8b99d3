package dev.marquee.render.region;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link RegionRepository} on JPA. */
@ApplicationScoped
public class JpaRegionRepository implements RegionRepository {
  @PersistenceContext private EntityManager em;

  protected JpaRegionRepository() {}

  /** For use outside a container. */
  public JpaRegionRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<TaggedRegion> findRegion(UUID imageId, UUID tagId) {
    return em.createQuery(
            "select r from TaggedRegion r join fetch r.entryTag l join fetch l.tag t"
                + " where r.image.id = :image and t.id = :tag",
            TaggedRegion.class)
        .setParameter("image", imageId)
        .setParameter("tag", tagId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<TaggedRegion> regionsOf(UUID imageId) {
    return em.createQuery(
            "select r from TaggedRegion r join fetch r.entryTag l join fetch l.tag t"
                + " where r.image.id = :image order by t.kind, t.normalizedValue, r.id",
            TaggedRegion.class)
        .setParameter("image", imageId)
        .getResultList();
  }

  @Override
  public void add(TaggedRegion region) {
    em.persist(region);
  }

  @Override
  public void remove(TaggedRegion region) {
    em.remove(region);
  }

  @Override
  public Optional<Suggestion> findSuggestion(UUID suggestionId) {
    return Optional.ofNullable(em.find(Suggestion.class, suggestionId));
  }

  @Override
  public List<Suggestion> suggestionsOf(UUID imageId) {
    return em.createQuery(
            "select s from Suggestion s where s.image.id = :image"
                + " order by s.detector, s.confidence desc, s.id",
            Suggestion.class)
        .setParameter("image", imageId)
        .getResultList();
  }

  @Override
  public void add(Suggestion suggestion) {
    em.persist(suggestion);
  }

  @Override
  public void flush() {
    em.flush();
  }
}
