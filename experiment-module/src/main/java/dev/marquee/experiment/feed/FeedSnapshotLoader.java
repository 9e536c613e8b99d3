package dev.marquee.experiment.feed;

import static dev.marquee.database.NativeColumns.uuid;

import dev.marquee.experiment.audience.AudienceService;
import dev.marquee.experiment.audience.rules.AudienceResolver;
import dev.marquee.experiment.audience.rules.ViewerFacts;
import dev.marquee.experiment.feed.LiveExperiment.LiveArm;
import dev.marquee.experiment.feed.LiveExperiment.LivePeriod;
import dev.marquee.experiment.feed.row.FeedRow;
import dev.marquee.experiment.guardrail.GuardrailPolicyService;
import dev.marquee.experiment.guardrail.rules.GuardrailRules;
import dev.marquee.experiment.guardrail.rules.VariantFacts;
import dev.marquee.experiment.lifecycle.AllocationPeriod;
import dev.marquee.experiment.lifecycle.Arm;
import dev.marquee.experiment.lifecycle.Experiment;
import dev.marquee.experiment.lifecycle.ExperimentState;
import dev.marquee.render.engine.ImageFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads each part of the feed's snapshot with a few set-based queries (not entity by entity), so a
 * rebuild of 10,000 entries is a handful of round trips. Each method is its own read transaction.
 */
@ApplicationScoped
@Transactional
public class FeedSnapshotLoader {
  @PersistenceContext EntityManager em;
  @Inject AudienceService audiences;
  @Inject GuardrailPolicyService guardrails;

  /** Entries, localised titles and engagement tags. */
  public FeedSnapshot.Catalog catalog() {
    Map<UUID, Map<String, String>> titles = new HashMap<>();
    for (Object[] r :
        rows("select entry_id, language_tag, title from catalog_entry_localized_title")) {
      titles.computeIfAbsent(uuid(r[0]), k -> new HashMap<>()).put((String) r[1], (String) r[2]);
    }
    Map<UUID, Map<String, Double>> tags = new HashMap<>();
    for (Object[] r :
        rows(
            "select l.entry_id, t.kind, t.tag_value, l.weight from entry_tag l"
                + " join engagement_tag t on t.id = l.tag_id")) {
      tags.computeIfAbsent(uuid(r[0]), k -> new HashMap<>())
          .put(
              ViewerFacts.tagKey((String) r[1], (String) r[2]),
              r[3] == null ? 1.0 : ((Number) r[3]).doubleValue());
    }
    Map<UUID, FeedEntry> byId = new HashMap<>();
    Map<String, FeedEntry> byExternalId = new HashMap<>();
    Map<String, String> languages = new HashMap<>();
    for (Object[] r :
        rows("select id, external_id, title, status, maturity_minimum_age from catalog_entry")) {
      UUID id = uuid(r[0]);
      FeedEntry entry =
          new FeedEntry(
              id,
              (String) r[1],
              (String) r[2],
              titles.getOrDefault(id, Map.of()),
              "ARCHIVED".equals(r[3]),
              r[4] == null ? null : ((Number) r[4]).intValue(),
              tags.getOrDefault(id, Map.of()),
              tag -> languages.computeIfAbsent(tag, t -> t));
      byId.put(id, entry);
      byExternalId.put(entry.externalId(), entry);
    }
    return new FeedSnapshot.Catalog(
        Map.copyOf(byId), Map.copyOf(byExternalId), Map.copyOf(languages));
  }

  /**
   * Variants with their renditions, template names and tags: the tag each is framed on and every
   * tag with a region on its source image.
   */
  public FeedSnapshot.Variants variants() {
    Map<UUID, Set<String>> imageTags = new HashMap<>();
    for (Object[] r :
        rows(
            "select r.image_id, t.kind, t.tag_value from tagged_region r"
                + " join entry_tag l on l.id = r.entry_tag_id"
                + " join engagement_tag t on t.id = l.tag_id")) {
      imageTags
          .computeIfAbsent(uuid(r[0]), k -> new HashSet<>())
          .add(ViewerFacts.tagKey((String) r[1], (String) r[2]));
    }
    Map<UUID, List<FeedRendition>> renditions = new HashMap<>();
    for (Object[] r :
        rows(
            "select variant_id, width, height, format, content_hash from variant_rendition"
                + " order by variant_id, ordinal")) {
      ImageFormat format = ImageFormat.valueOf((String) r[3]);
      renditions
          .computeIfAbsent(uuid(r[0]), k -> new ArrayList<>())
          .add(
              new FeedRendition(
                  "/assets/" + ((String) r[4]).trim() + "." + format.extension(),
                  ((Number) r[1]).intValue(),
                  ((Number) r[2]).intValue(),
                  format.name()));
    }
    Map<UUID, FeedVariant> byId = new HashMap<>();
    Map<UUID, List<FeedVariant>> byEntry = new HashMap<>();
    for (Object[] r :
        rows(
            "select v.id, v.entry_id, v.source_image_id, rt.name, vt.kind, vt.tag_value"
                + " from variant v"
                + " join render_template_version tv on tv.id = v.template_version_id"
                + " join render_template rt on rt.id = tv.template_id"
                + " left join engagement_tag vt on vt.id = v.tag_id"
                + " order by v.entry_id, v.created_at, v.id")) {
      UUID id = uuid(r[0]);
      Set<String> tags = new HashSet<>(imageTags.getOrDefault(uuid(r[2]), Set.of()));
      if (r[4] != null) {
        tags.add(ViewerFacts.tagKey((String) r[4], (String) r[5]));
      }
      FeedVariant variant =
          new FeedVariant(
              id,
              uuid(r[1]),
              new VariantFacts(id, (String) r[3], tags),
              renditions.getOrDefault(id, List.of()));
      byId.put(id, variant);
      byEntry.computeIfAbsent(variant.entryId(), k -> new ArrayList<>()).add(variant);
    }
    byEntry.replaceAll((k, v) -> List.copyOf(v));
    return new FeedSnapshot.Variants(Map.copyOf(byId), Map.copyOf(byEntry));
  }

  /** The current published version of every (entry, audience). */
  public FeedSnapshot.Artwork artwork() {
    Map<String, Map<UUID, UUID>> current = new HashMap<>();
    for (Object[] r :
        rows(
            "select a.entry_id, a.audience_key, a.variant_id from artwork_version a"
                + " where a.version_number = (select max(b.version_number) from artwork_version b"
                + " where b.entry_id = a.entry_id and b.audience_key = a.audience_key)")) {
      current.computeIfAbsent((String) r[1], k -> new HashMap<>()).put(uuid(r[0]), uuid(r[2]));
    }
    return new FeedSnapshot.Artwork(current);
  }

  public AudienceResolver audiences() {
    return audiences.resolver();
  }

  /** Running (not paused) experiments by the slots they hold. */
  public FeedSnapshot.Running running() {
    Map<UUID, LiveExperiment> live = new HashMap<>();
    for (Experiment x :
        em.createQuery("select x from Experiment x where x.state = :s", Experiment.class)
            .setParameter("s", ExperimentState.RUNNING)
            .getResultList()) {
      List<LiveArm> arms = new ArrayList<>();
      for (Arm a : x.getArms()) {
        arms.add(new LiveArm(a.getId(), a.getVariantId()));
      }
      Map<UUID, LivePeriod> periods = new LinkedHashMap<>();
      for (UUID group : x.getAudienceGroupIds()) {
        AllocationPeriod p = x.periodFor(group);
        periods.put(group, new LivePeriod(p.getPeriod(), p.getCoverage(), p.getWeights()));
      }
      live.put(
          x.getId(),
          new LiveExperiment(
              x.getId(), x.getEntryId(), x.hashSeed(), x.getBucketVersion(), arms, periods));
    }
    Map<UUID, Map<UUID, LiveExperiment>> slots = new HashMap<>();
    for (Object[] r :
        rows("select entry_id, audience_group_id, experiment_id from running_experiment_slot")) {
      LiveExperiment x = live.get(uuid(r[2]));
      if (x != null) {
        slots.computeIfAbsent(uuid(r[1]), k -> new HashMap<>()).put(uuid(r[0]), x);
      }
    }
    return new FeedSnapshot.Running(slots);
  }

  public GuardrailRules guardrails() {
    return guardrails.current().rules();
  }

  public Map<String, FeedRowView> rows() {
    Map<String, FeedRowView> rows = new HashMap<>();
    for (FeedRow row : em.createQuery("select r from FeedRow r", FeedRow.class).getResultList()) {
      rows.put(row.getName(), new FeedRowView(row.getName(), row.getTitle(), row.getEntryIds()));
    }
    return Map.copyOf(rows);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql) {
    return em.createNativeQuery(sql).getResultList();
  }
}
