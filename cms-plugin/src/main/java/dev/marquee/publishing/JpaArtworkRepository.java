package dev.marquee.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link ArtworkRepository} on JPA. */
@ApplicationScoped
public class JpaArtworkRepository implements ArtworkRepository {
  @PersistenceContext private EntityManager em;

  protected JpaArtworkRepository() {}

  /** For use outside a container. */
  public JpaArtworkRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<ArtworkVersion> current(UUID entryId, Audience audience) {
    return history(entryId, audience, null, 1).stream().findFirst();
  }

  @Override
  public List<ArtworkVersion> currentOfEntry(UUID entryId) {
    List<ArtworkVersion> rows =
        em.createQuery(
                "select v from ArtworkVersion v where v.entryId = :entryId and v.number ="
                    + " (select max(w.number) from ArtworkVersion w"
                    + " where w.entryId = v.entryId and w.audienceKey = v.audienceKey)",
                ArtworkVersion.class)
            .setParameter("entryId", entryId)
            .getResultList();
    // "all" sorts first, then groups by id (UUID text sorts like the UUID)
    return rows.stream()
        .sorted(
            (a, b) -> {
              if (a.getAudience().isAll() != b.getAudience().isAll()) {
                return a.getAudience().isAll() ? -1 : 1;
              }
              return a.getAudience().key().compareTo(b.getAudience().key());
            })
        .toList();
  }

  @Override
  public Optional<ArtworkVersion> find(UUID entryId, Audience audience, int number) {
    return em.createQuery(
            "select v from ArtworkVersion v where v.entryId = :entryId"
                + " and v.audienceKey = :audienceKey and v.number = :number",
            ArtworkVersion.class)
        .setParameter("entryId", entryId)
        .setParameter("audienceKey", audience.key())
        .setParameter("number", number)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ArtworkVersion> history(
      UUID entryId, Audience audience, Integer beforeNumber, int limit) {
    String jpql =
        "select v from ArtworkVersion v where v.entryId = :entryId and v.audienceKey = :audienceKey"
            + (beforeNumber == null ? "" : " and v.number < :before")
            + " order by v.number desc";
    TypedQuery<ArtworkVersion> query =
        em.createQuery(jpql, ArtworkVersion.class)
            .setParameter("entryId", entryId)
            .setParameter("audienceKey", audience.key());
    if (beforeNumber != null) {
      query.setParameter("before", beforeNumber);
    }
    return query.setMaxResults(limit).getResultList();
  }

  @Override
  public void add(ArtworkVersion version) {
    em.persist(version);
  }

  @Override
  public boolean entryExists(UUID entryId) {
    return !em.createQuery("select e.id from CatalogEntry e where e.id = :id", UUID.class)
        .setParameter("id", entryId)
        .getResultList()
        .isEmpty();
  }
}
