package dev.marquee.experiment.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.delivery.change.DeliveryChange;
import dev.marquee.delivery.change.DeliveryChangeLog;
import dev.marquee.delivery.change.DeliverySegment;
import dev.marquee.experiment.audience.rules.AudienceResolver;
import dev.marquee.experiment.audience.rules.GroupRules;
import dev.marquee.experiment.guardrail.rules.GuardrailRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The refresh rounds of {@link FeedSnapshots} against a scripted change log: only segments with
 * unseen change ids are rebuilt, a late commit with a smaller id is still noticed, and a failed
 * rebuild is retried.
 */
class FeedSnapshotsTest {
  /** The change log's committed rows, as the next round will read them. */
  private final List<DeliveryChange> log = new ArrayList<>();

  private final Map<DeliverySegment, Integer> loads = new EnumMap<>(DeliverySegment.class);
  private boolean failCatalog;
  private FeedSnapshots snapshots;

  @BeforeEach
  void wire() {
    snapshots = new FeedSnapshots();
    snapshots.lookback = Duration.ofMinutes(10);
    snapshots.changes =
        new DeliveryChangeLog() {
          @Override
          public List<DeliveryChange> since(Instant since) {
            return List.copyOf(log);
          }

          @Override
          public int prune(Instant before) {
            return 0;
          }
        };
    snapshots.enrolment = new FeedEnrolment();
    snapshots.enrolment.stickyCacheSize = 10;
    snapshots.enrolment.createCache();
    snapshots.loader =
        new FeedSnapshotLoader() {
          @Override
          public FeedSnapshot.Catalog catalog() {
            if (failCatalog) {
              throw new IllegalStateException("database unavailable");
            }
            loaded(DeliverySegment.CATALOG);
            return new FeedSnapshot.Catalog(Map.of(), Map.of(), Map.of());
          }

          @Override
          public FeedSnapshot.Variants variants() {
            loaded(DeliverySegment.VARIANTS);
            return new FeedSnapshot.Variants(Map.of(), Map.of());
          }

          @Override
          public FeedSnapshot.Artwork artwork() {
            loaded(DeliverySegment.ARTWORK);
            return new FeedSnapshot.Artwork(Map.of());
          }

          @Override
          public AudienceResolver audiences() {
            loaded(DeliverySegment.AUDIENCES);
            return new AudienceResolver(
                List.of(), new GroupRules(UUID.randomUUID(), "All", List.of()));
          }

          @Override
          public FeedSnapshot.Running running() {
            loaded(DeliverySegment.EXPERIMENTS);
            return new FeedSnapshot.Running(Map.of());
          }

          @Override
          public GuardrailRules guardrails() {
            loaded(DeliverySegment.GUARDRAILS);
            return new GuardrailRules(List.of(), 7, 16, List.of());
          }

          @Override
          public Map<String, FeedRowView> rows() {
            loaded(DeliverySegment.ROWS);
            return Map.of();
          }
        };
  }

  private void loaded(DeliverySegment s) {
    loads.merge(s, 1, Integer::sum);
  }

  private void committed(long id, DeliverySegment segment) {
    log.add(new DeliveryChange(id, segment));
    log.sort((a, b) -> Long.compare(a.id(), b.id()));
  }

  @Test
  void theFirstSnapshotLoadsEverythingAndKnownChangesAreNotRebuiltAgain() {
    committed(1, DeliverySegment.CATALOG);
    snapshots.current();
    assertThat(loads.get(DeliverySegment.CATALOG)).isEqualTo(1);
    assertThat(loads)
        .containsKeys(
            DeliverySegment.VARIANTS,
            DeliverySegment.ARTWORK,
            DeliverySegment.AUDIENCES,
            DeliverySegment.EXPERIMENTS,
            DeliverySegment.GUARDRAILS,
            DeliverySegment.ROWS);
    assertThat(snapshots.refresh()).isEmpty();
    assertThat(loads.get(DeliverySegment.CATALOG)).isEqualTo(1);
  }

  @Test
  void onlyTheChangedSegmentsAreRebuilt() {
    snapshots.current();
    committed(7, DeliverySegment.ARTWORK);
    committed(8, DeliverySegment.ROWS);
    assertThat(snapshots.refresh())
        .containsExactlyInAnyOrder(DeliverySegment.ARTWORK, DeliverySegment.ROWS);
    assertThat(loads.get(DeliverySegment.ARTWORK)).isEqualTo(2);
    assertThat(loads.get(DeliverySegment.CATALOG)).isEqualTo(1);
    assertThat(snapshots.refresh()).isEmpty();
  }

  @Test
  void aLateCommitWithASmallerIdIsStillNoticed() {
    snapshots.current();
    committed(11, DeliverySegment.ARTWORK);
    assertThat(snapshots.refresh()).containsExactly(DeliverySegment.ARTWORK);
    // id 10 was taken by a transaction that started earlier and commits only now
    committed(10, DeliverySegment.GUARDRAILS);
    assertThat(snapshots.refresh()).containsExactly(DeliverySegment.GUARDRAILS);
  }

  @Test
  void aFailedRebuildIsRetriedNextRound() {
    snapshots.current();
    failCatalog = true;
    committed(20, DeliverySegment.CATALOG);
    assertThatThrownBy(snapshots::refresh).hasMessageContaining("database unavailable");
    failCatalog = false;
    assertThat(snapshots.refresh()).containsExactly(DeliverySegment.CATALOG);
  }
}
