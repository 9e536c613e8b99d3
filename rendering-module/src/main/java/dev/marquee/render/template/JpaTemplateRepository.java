package dev.marquee.render.template;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link TemplateRepository} on JPA. */
@ApplicationScoped
public class JpaTemplateRepository implements TemplateRepository {
  @PersistenceContext private EntityManager em;

  protected JpaTemplateRepository() {}

  /** For use outside a container. */
  public JpaTemplateRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Template> findByName(String name) {
    return em.createQuery("select t from Template t where t.name = :name", Template.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<TemplateVersion> findVersion(Template template, int number) {
    return em.createQuery(
            "select v from TemplateVersion v where v.template = :t and v.number = :n",
            TemplateVersion.class)
        .setParameter("t", template)
        .setParameter("n", number)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<TemplateVersion> findVersionById(UUID id) {
    return Optional.ofNullable(em.find(TemplateVersion.class, id));
  }

  @Override
  public List<Template> list(TemplateStatus status, String afterName, int limit) {
    String after = afterName == null ? "" : " and t.name > :after";
    var query =
        em.createQuery(
                "select t from Template t where t.status = :status" + after + " order by t.name",
                Template.class)
            .setParameter("status", status)
            .setMaxResults(limit);
    if (afterName != null) {
      query.setParameter("after", afterName);
    }
    return query.getResultList();
  }

  @Override
  public void add(Template template) {
    em.persist(template);
  }

  @Override
  public void add(TemplateVersion version) {
    em.persist(version);
  }
}
