package dev.marquee.experiment.feed;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.experiment.audience.ViewerContext;
import dev.marquee.experiment.audience.ViewerFactsReader;
import dev.marquee.experiment.audience.rules.GroupRules;
import dev.marquee.experiment.audience.rules.ViewerFacts;
import dev.marquee.experiment.enrolment.ViewerKeys;
import dev.marquee.experiment.feed.FeedAnswer.Item;
import dev.marquee.experiment.feed.FeedAnswer.Source;
import dev.marquee.experiment.feed.FeedAnswer.Status;
import dev.marquee.experiment.feed.FeedAnswer.Tracking;
import dev.marquee.experiment.feed.LiveExperiment.LiveArm;
import dev.marquee.experiment.guardrail.BlockedChoice;
import dev.marquee.experiment.guardrail.GuardrailBlockCounter;
import dev.marquee.experiment.guardrail.rules.BlockRule;
import dev.marquee.experiment.guardrail.rules.GuardrailRules;
import dev.marquee.experiment.guardrail.rules.ViewerPlace;
import dev.marquee.experiment.holdout.HoldoutService;
import dev.marquee.publishing.Audience;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Answers feed requests from the in-memory snapshot. For each entry the chain is: the running
 * experiment of (entry, the viewer's group) → the variant promoted for the group → the entry's
 * default artwork → the entry's oldest variant the guardrails allow. Guardrails check every step; a
 * blocked choice is counted and the chain goes on. Held-out viewers skip the first two steps. A
 * viewer who may not see every arm of an experiment is not enrolled at all, so that all arms are
 * compared on one population.
 */
@ApplicationScoped
public class FeedService {
  /** Entries answered per request, explicit and from a row together. */
  public static final int MAX_ENTRIES = 100;

  @Inject FeedSnapshots snapshots;
  @Inject FeedEnrolment enrolment;
  @Inject GuardrailBlockCounter blocks;
  @Inject HoldoutService holdout;
  @Inject ViewerKeys viewerKeys;

  /**
   * @param app the calling delivery app's name (the context's {@code app} when it names none)
   * @throws InvalidInputException on a malformed context or too many entries
   * @throws ResourceNotFoundException when the row does not exist
   */
  public FeedAnswer answer(FeedQuery query, String app) {
    FeedSnapshot s = snapshots.current();
    List<FeedQuery.Requested> requested = new ArrayList<>(query.entries());
    if (query.row() != null) {
      FeedRowView row = s.rows().get(query.row());
      if (row == null) {
        throw new ResourceNotFoundException("No feed row named '" + query.row() + "'");
      }
      row.entryIds().forEach(id -> requested.add(FeedQuery.Requested.byId(id)));
    }
    if (requested.size() > MAX_ENTRIES) {
      throw new InvalidInputException(
          new FieldError(
              "entries",
              "at most "
                  + MAX_ENTRIES
                  + " entries per request, explicit and from the row together (got "
                  + requested.size()
                  + ")"));
    }
    ViewerContext context = query.context();
    if (context.app() == null) {
      context =
          new ViewerContext(
              context.profileType(),
              context.country(),
              context.region(),
              context.language(),
              context.deviceClass(),
              app,
              context.recentlyWatched(),
              context.tagAffinities());
    }
    ViewerFacts facts = ViewerFactsReader.read(context, watched -> tagsOf(s, watched), "");
    GroupRules group = s.audiences().resolve(facts);
    String viewerId = query.viewerId();
    boolean heldOut = viewerId != null && holdout.current().contains(viewerId);
    Request r =
        new Request(
            s,
            group,
            new ViewerPlace(facts.profileType(), facts.country(), facts.region()),
            viewerId,
            heldOut,
            facts.language(),
            LocalDate.now(ZoneOffset.UTC));
    List<Item> items = new ArrayList<>(requested.size());
    for (FeedQuery.Requested q : requested) {
      items.add(resolve(r, q));
    }
    return new FeedAnswer(group, heldOut, query.personalised(), items);
  }

  /** What one request resolves against (the viewer key is computed once, on first need). */
  private final class Request {
    final FeedSnapshot s;
    final GroupRules group;

    /** Entry id to the variant published for the viewer's group, and for everyone. */
    final Map<UUID, FeedVariant> groupArtwork;

    final Map<UUID, FeedVariant> defaultArtwork;

    /** Entry id to the experiment running for the viewer's group. */
    final Map<UUID, LiveExperiment> running;

    final ViewerPlace place;
    final String viewerId;
    final boolean heldOut;
    final TitleLanguage language;
    final LocalDate day;
    private String viewerKey;

    Request(
        FeedSnapshot s,
        GroupRules group,
        ViewerPlace place,
        String viewerId,
        boolean heldOut,
        String language,
        LocalDate day) {
      this.s = s;
      this.group = group;
      this.groupArtwork = s.published().of(group.groupId().toString());
      this.defaultArtwork = s.published().of(Audience.ALL_KEY);
      this.running = s.running().of(group.groupId());
      this.place = place;
      this.viewerId = viewerId;
      this.heldOut = heldOut;
      this.language = s.catalog().titleLanguage(language);
      this.day = day;
    }

    String viewerKey() {
      if (viewerKey == null) {
        viewerKey = viewerKeys.keyOf(viewerId);
      }
      return viewerKey;
    }

    GuardrailRules rules() {
      return s.guardrails();
    }
  }

  private Item resolve(Request r, FeedQuery.Requested q) {
    FeedEntry entry =
        q.id() != null
            ? r.s.catalog().byId().get(q.id())
            : r.s.catalog().byExternalId().get(q.externalId());
    if (entry == null) {
      return Item.missing(q.asSent(), null, Status.NOT_FOUND, null);
    }
    String title = entry.titleIn(r.language);
    if (entry.archived()) {
      return Item.missing(q.asSent(), entry, Status.ARCHIVED, title);
    }
    BlockRule entryBlock = r.rules().checkEntry(entry.minimumAge(), r.place);
    if (entryBlock != null) {
      count(r, entry, null, null, "ENTRY", entryBlock);
      return Item.missing(q.asSent(), entry, Status.BLOCKED, title);
    }
    // at most a handful of candidates per entry: a list is cheaper than a hash set here
    List<UUID> checked = new ArrayList<>(4);
    Tracking tracking = null;
    LiveExperiment x = r.running.get(entry.id());
    if (x != null && r.heldOut) {
      tracking = new Tracking(x.id(), null, r.group.groupId());
    } else if (x != null && r.viewerId != null && everyArmAllowed(r, entry, x)) {
      LiveArm arm = enrolment.assign(x, r.group.groupId(), r.viewerId, r.viewerKey());
      if (arm != null) {
        FeedVariant v = r.s.variants().byId().get(arm.variantId());
        return new Item(
            q.asSent(),
            entry,
            Status.OK,
            title,
            Source.EXPERIMENT,
            v,
            new Tracking(x.id(), arm.id(), r.group.groupId()));
      }
    }
    if (!r.heldOut) {
      FeedVariant winner =
          allowed(r, entry, r.groupArtwork.get(entry.id()), Source.AUDIENCE_WINNER, checked);
      if (winner != null) {
        return new Item(
            q.asSent(), entry, Status.OK, title, Source.AUDIENCE_WINNER, winner, tracking);
      }
    }
    FeedVariant byDefault =
        allowed(r, entry, r.defaultArtwork.get(entry.id()), Source.DEFAULT, checked);
    if (byDefault != null) {
      return new Item(q.asSent(), entry, Status.OK, title, Source.DEFAULT, byDefault, tracking);
    }
    for (FeedVariant v : r.s.variants().byEntry().getOrDefault(entry.id(), List.of())) {
      if (allowed(r, entry, v, Source.FALLBACK, checked) != null) {
        return new Item(q.asSent(), entry, Status.OK, title, Source.FALLBACK, v, tracking);
      }
    }
    return new Item(q.asSent(), entry, Status.NO_ARTWORK, title, null, null, tracking);
  }

  /**
   * Whether the viewer may see every arm; if not, each withheld arm is counted and the viewer is
   * not enrolled. An arm whose variant no longer exists cannot be served either.
   */
  private boolean everyArmAllowed(Request r, FeedEntry entry, LiveExperiment x) {
    boolean all = true;
    for (LiveArm arm : x.arms()) {
      FeedVariant v = r.s.variants().byId().get(arm.variantId());
      if (v == null) {
        all = false;
        continue;
      }
      BlockRule rule = r.rules().checkVariant(v.facts(), r.place);
      if (rule != null) {
        count(r, entry, v.id(), x.id(), Source.EXPERIMENT.name(), rule);
        all = false;
      }
    }
    return all;
  }

  /** The candidate if the guardrails allow it (each variant is checked, and counted, once). */
  private FeedVariant allowed(
      Request r, FeedEntry entry, FeedVariant candidate, Source source, List<UUID> checked) {
    if (candidate == null || checked.contains(candidate.id())) {
      return null;
    }
    checked.add(candidate.id());
    BlockRule rule = r.rules().checkVariant(candidate.facts(), r.place);
    if (rule != null) {
      count(r, entry, candidate.id(), null, source.name(), rule);
      return null;
    }
    return candidate;
  }

  private void count(
      Request r,
      FeedEntry entry,
      UUID variantId,
      UUID experimentId,
      String source,
      BlockRule rule) {
    blocks.count(
        new BlockedChoice(
            r.day, entry.id(), variantId, experimentId, r.group.groupId(), source, rule));
  }

  private static List<Map<String, Double>> tagsOf(FeedSnapshot s, Set<UUID> watched) {
    List<Map<String, Double>> tags = new ArrayList<>();
    for (UUID id : watched) {
      FeedEntry e = s.catalog().byId().get(id);
      if (e != null) {
        tags.add(e.tagWeights());
      }
    }
    return tags;
  }
}
