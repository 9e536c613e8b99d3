package dev.marquee.experiment.decision;

import dev.marquee.experiment.lifecycle.ExperimentState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link DecisionRepository} on JPA. */
@ApplicationScoped
public class JpaDecisionRepository implements DecisionRepository {
  @PersistenceContext private EntityManager em;

  @Override
  public Optional<DecisionPolicy> policy(UUID experimentId) {
    return Optional.ofNullable(em.find(DecisionPolicy.class, experimentId));
  }

  @Override
  public void addPolicy(DecisionPolicy policy) {
    em.persist(policy);
  }

  @Override
  public Optional<ExperimentDecision> decision(UUID experimentId) {
    return Optional.ofNullable(em.find(ExperimentDecision.class, experimentId));
  }

  @Override
  public void addDecision(ExperimentDecision decision) {
    em.persist(decision);
  }

  @Override
  public List<UUID> scheduledCandidates(int limit) {
    return em.createQuery(
            "select p.experimentId from DecisionPolicy p, Experiment x"
                + " where x.id = p.experimentId and p.evaluateOnSchedule = true"
                + " and x.state = :running order by p.experimentId",
            UUID.class)
        .setParameter("running", ExperimentState.RUNNING)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void flush() {
    em.flush();
  }
}
