package dev.marquee.experiment.guardrail;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.render.variant.VariantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and replaces the guardrail policy. The feed reads it through its snapshot, which the audit
 * record of a replacement invalidates on every node.
 */
@ApplicationScoped
@Transactional
public class GuardrailPolicyService {
  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;
  @Inject VariantRepository variants;

  /** The stored policy. */
  public GuardrailPolicy current() {
    return em.find(GuardrailPolicy.class, GuardrailPolicy.ID);
  }

  /**
   * Replaces the policy.
   *
   * @param expectedVersion the version the client read, or null for any ({@code If-Match: *})
   */
  public GuardrailPolicy replace(Long expectedVersion, GuardrailPolicyDraft draft, String actor) {
    GuardrailPolicyValidator.check(draft, id -> variants.find(id).isPresent());
    GuardrailPolicy policy = current();
    if (expectedVersion != null && policy.getVersion() != expectedVersion) {
      throw new StaleVersionException(
          "The guardrail policy is at revision " + policy.getVersion() + ", not " + expectedVersion,
          policy.getVersion());
    }
    policy.replace(draft, actor, AuditLog.now());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("maturityFlags", draft.maturityFlags().size());
    details.put("ageLimits", Map.of("kids", draft.kidsAgeLimit(), "teen", draft.teenAgeLimit()));
    details.put("regionRules", draft.regionRules().size());
    audit.record(
        actor,
        AuditAction.GUARDRAILS_UPDATED,
        AuditTarget.GUARDRAILS,
        "policy",
        "Replaced the delivery guardrails ("
            + draft.maturityFlags().size()
            + " maturity flags, "
            + draft.regionRules().size()
            + " region rules)",
        details);
    em.flush();
    return policy;
  }
}
