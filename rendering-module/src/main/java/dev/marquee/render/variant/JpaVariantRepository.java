package dev.marquee.render.variant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link VariantRepository} on JPA. */
@ApplicationScoped
public class JpaVariantRepository implements VariantRepository {
  @PersistenceContext private EntityManager em;

  protected JpaVariantRepository() {}

  /** For use outside a container. */
  public JpaVariantRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Variant> find(UUID id) {
    return Optional.ofNullable(em.find(Variant.class, id));
  }

  @Override
  public Optional<Variant> findByIdentityKey(String identityKey) {
    return em.createQuery("select v from Variant v where v.identityKey = :key", Variant.class)
        .setParameter("key", identityKey)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Variant> listByEntry(
      UUID entryId,
      UUID tagId,
      String templateName,
      Instant afterCreatedAt,
      UUID afterId,
      int limit) {
    StringBuilder jpql =
        new StringBuilder(
            "select v from Variant v join fetch v.templateVersion tv join fetch tv.template t"
                + " where v.entryId = :entry");
    if (tagId != null) {
      jpql.append(" and v.tagId = :tag");
    }
    if (templateName != null) {
      jpql.append(" and t.name = :template");
    }
    if (afterCreatedAt != null) {
      jpql.append(" and (v.createdAt > :after or (v.createdAt = :after and v.id > :afterId))");
    }
    jpql.append(" order by v.createdAt, v.id");
    var query =
        em.createQuery(jpql.toString(), Variant.class)
            .setParameter("entry", entryId)
            .setMaxResults(limit);
    if (tagId != null) {
      query.setParameter("tag", tagId);
    }
    if (templateName != null) {
      query.setParameter("template", templateName);
    }
    if (afterCreatedAt != null) {
      query.setParameter("after", afterCreatedAt).setParameter("afterId", afterId);
    }
    return query.getResultList();
  }

  @Override
  public void add(Variant variant) {
    em.persist(variant);
  }
}
