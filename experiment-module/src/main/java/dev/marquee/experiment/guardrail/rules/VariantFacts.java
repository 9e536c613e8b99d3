package dev.marquee.experiment.guardrail.rules;

import java.util.Set;
import java.util.UUID;

/**
 * What guardrails know of a variant. Its tags are the tag it is framed on and every tag with a
 * region on its source image: a crop framed on a cast member's face may still show the horror scene
 * tagged elsewhere on the same still, so kids' guardrails look at all of them.
 *
 * @param tagKeys tag keys ({@code KIND:lower-case value})
 */
public record VariantFacts(UUID variantId, String templateName, Set<String> tagKeys) {
  public VariantFacts {
    tagKeys = Set.copyOf(tagKeys);
  }
}
