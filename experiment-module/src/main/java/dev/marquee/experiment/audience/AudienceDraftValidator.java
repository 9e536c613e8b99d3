package dev.marquee.experiment.audience;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.experiment.audience.rules.AudienceRule;
import dev.marquee.experiment.audience.rules.TagThreshold;
import dev.marquee.experiment.audience.rules.ViewerFacts;
import dev.marquee.tagging.TagRef;
import dev.marquee.tagging.TagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a group draft beyond what the API schema checks: names, BCP 47 language ranges and that
 * every tag affinity names a tag of the vocabulary. Returns the draft with tag keys normalised.
 */
@ApplicationScoped
public class AudienceDraftValidator {
  private TagRepository tags;

  protected AudienceDraftValidator() {}

  @Inject
  public AudienceDraftValidator(TagRepository tags) {
    this.tags = tags;
  }

  public AudienceDraft validated(AudienceDraft draft) {
    List<FieldError> errors = new ArrayList<>();
    String name = draft.name() == null ? "" : draft.name().trim();
    if (name.isEmpty() || name.length() > 100) {
      errors.add(new FieldError("name", "must be 1..100 characters"));
    }
    List<TagRef> refs = new ArrayList<>();
    List<String> refFields = new ArrayList<>();
    for (int r = 0; r < draft.rules().size(); r++) {
      AudienceRule rule = draft.rules().get(r);
      for (int l = 0; l < rule.languages().size(); l++) {
        if (!Languages.isWellFormed(rule.languages().get(l))) {
          errors.add(
              new FieldError(
                  "rules[" + r + "].languages[" + l + "]", "is not a BCP 47 language range"));
        }
      }
      for (int t = 0; t < rule.tagAffinities().size(); t++) {
        String field = "rules[" + r + "].tagAffinities[" + t + "].tag";
        try {
          refs.add(TagRef.parse(rule.tagAffinities().get(t).tag(), field));
          refFields.add(field);
        } catch (InvalidInputException e) {
          errors.addAll(e.errors());
        }
      }
    }
    Map<String, ?> known = refs.isEmpty() ? Map.of() : tags.findAll(refs);
    for (int i = 0; i < refs.size(); i++) {
      TagRef ref = refs.get(i);
      if (!known.containsKey(TagRepository.key(ref.kind(), ref.normalizedValue()))) {
        errors.add(
            new FieldError(
                refFields.get(i), "no tag " + ref + " in the vocabulary (see GET /tags)"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(
          errors.size() == 1
              ? errors.get(0).field() + ": " + errors.get(0).message()
              : errors.size() + " fields are invalid.",
          errors);
    }
    String description =
        draft.description() == null || draft.description().isBlank()
            ? null
            : draft.description().trim();
    return new AudienceDraft(
        name, description, draft.rules().stream().map(this::normalised).toList());
  }

  private AudienceRule normalised(AudienceRule rule) {
    List<TagThreshold> thresholds =
        rule.tagAffinities().stream()
            .map(
                t -> {
                  TagRef ref = TagRef.parse(t.tag(), "tag");
                  return new TagThreshold(
                      ViewerFacts.tagKey(ref.kind().name(), ref.value()), t.atLeast());
                })
            .toList();
    return new AudienceRule(
        rule.description(),
        rule.profileTypes(),
        rule.countries(),
        rule.regions(),
        rule.languages().stream().map(Languages::canonical).toList(),
        rule.deviceClasses(),
        rule.apps(),
        thresholds);
  }
}
