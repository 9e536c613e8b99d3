package dev.marquee.experiment.audience;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.experiment.audience.rules.TagAffinities;
import dev.marquee.experiment.audience.rules.ViewerFacts;
import dev.marquee.tagging.TagRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns a viewer context into the facts rules are evaluated against: checks the language and the
 * precomputed affinities, derives affinities from the watched entries' tags and lays the
 * precomputed ones over them. The caller says where entry tags come from (the database, or the
 * feed's snapshot).
 */
public final class ViewerFactsReader {
  private ViewerFactsReader() {}

  /**
   * @param tagsOfWatched for the distinct watched entry ids, the tags of those that exist ({@code
   *     tag key -> weight})
   * @param fieldPrefix prefix for field errors (e.g. {@code viewer.}), or empty
   * @throws InvalidInputException naming every malformed field
   */
  public static ViewerFacts read(
      ViewerContext context,
      Function<Set<UUID>, Collection<Map<String, Double>>> tagsOfWatched,
      String fieldPrefix) {
    List<FieldError> errors = new ArrayList<>();
    if (context.language() != null && !Languages.isWellFormed(context.language())) {
      errors.add(new FieldError(fieldPrefix + "language", "is not a BCP 47 language tag"));
    }
    Map<String, Double> given = new HashMap<>();
    context
        .tagAffinities()
        .forEach(
            (tag, value) -> {
              String field = fieldPrefix + "tagAffinities['" + tag + "']";
              try {
                TagRef ref = TagRef.parse(tag, "tagAffinities");
                given.put(ViewerFacts.tagKey(ref.kind().name(), ref.value()), value);
              } catch (InvalidInputException e) {
                errors.add(new FieldError(field, "key must be KIND:value, e.g. THEME:romance"));
              }
              if (value == null || value < 0 || value > 1) {
                errors.add(new FieldError(field, "must be 0..1"));
              }
            });
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors.size() + " fields are invalid.", errors);
    }
    Set<UUID> watched = new LinkedHashSet<>(context.recentlyWatched());
    Map<String, Double> derived =
        watched.isEmpty()
            ? Map.of()
            : TagAffinities.fromWatched(List.copyOf(tagsOfWatched.apply(watched)));
    return new ViewerFacts(
        context.profileType(),
        context.country(),
        context.region(),
        context.language() == null ? null : Languages.canonical(context.language()),
        context.deviceClass(),
        context.app(),
        TagAffinities.merge(derived, given));
  }
}
