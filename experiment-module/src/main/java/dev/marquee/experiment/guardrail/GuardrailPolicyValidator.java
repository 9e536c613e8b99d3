package dev.marquee.experiment.guardrail;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The rules a guardrail policy must follow beyond what the API schema checks: one target per flag
 * and rule, tags that parse, variants that exist, a place for every region rule.
 */
final class GuardrailPolicyValidator {
  static final int MAX_AGE = 21;

  private GuardrailPolicyValidator() {}

  /**
   * @throws InvalidInputException listing every broken rule by JSON path
   */
  static void check(GuardrailPolicyDraft draft, Predicate<UUID> variantExists) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < draft.maturityFlags().size(); i++) {
      PolicyFlag f = draft.maturityFlags().get(i);
      String at = "maturityFlags[" + i + "]";
      if ((f.tag() == null) == (f.template() == null)) {
        errors.add(new FieldError(at, "name exactly one of tag and template"));
      } else if (f.tag() != null) {
        try {
          GuardrailPolicy.tagKey(f.tag());
        } catch (InvalidInputException e) {
          errors.add(new FieldError(at + ".tag", "must be KIND:value, e.g. THEME:horror"));
        }
      } else if (f.template().isBlank()) {
        errors.add(new FieldError(at + ".template", "must not be blank"));
      }
      if (f.blockedFor().isEmpty()) {
        errors.add(new FieldError(at + ".blockedFor", "name at least one profile type"));
      }
    }
    checkAge(errors, "ageLimits.kids", draft.kidsAgeLimit());
    checkAge(errors, "ageLimits.teen", draft.teenAgeLimit());
    for (int i = 0; i < draft.regionRules().size(); i++) {
      PolicyRegionRule r = draft.regionRules().get(i);
      String at = "regionRules[" + i + "]";
      if ((r.variantId() == null) == (r.cast() == null)) {
        errors.add(new FieldError(at, "name exactly one of variantId and cast"));
      } else if (r.variantId() != null && !variantExists.test(r.variantId())) {
        errors.add(new FieldError(at + ".variantId", "no such variant"));
      } else if (r.cast() != null && r.cast().isBlank()) {
        errors.add(new FieldError(at + ".cast", "must not be blank"));
      }
      if (r.countries().isEmpty() && r.regions().isEmpty()) {
        errors.add(new FieldError(at, "name at least one country or region"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(
          errors.size() == 1
              ? errors.get(0).field() + ": " + errors.get(0).message()
              : errors.size() + " fields are invalid.",
          errors);
    }
  }

  private static void checkAge(List<FieldError> errors, String field, int age) {
    if (age < 0 || age > MAX_AGE) {
      errors.add(new FieldError(field, "must be 0.." + MAX_AGE));
    }
  }
}
