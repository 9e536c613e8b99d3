package dev.marquee.experiment.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.marquee.experiment.assignment.ArmAssigner;
import dev.marquee.experiment.feed.LiveExperiment.LiveArm;
import dev.marquee.experiment.feed.LiveExperiment.LivePeriod;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enrols feed viewers as {@code AssignmentService} does (GrowthBook v2 hashing with the coverage
 * and weights of the group's period, sticky per bucket version), on the snapshot's experiments.
 * What a viewer got is remembered per node in a bounded cache, so a returning viewer costs no
 * database round trip; a miss looks the sticky assignment up, or records the first one (the
 * exposure). Not being covered is remembered per allocation period: a new period (other coverage or
 * weights) asks again.
 */
@ApplicationScoped
public class FeedEnrolment {
  private static final UUID NOT_ENROLLED = new UUID(0, 0);

  @Inject ExposureRecorder recorder;

  @Inject
  @ConfigProperty(name = "marquee.feed.sticky-cache-size", defaultValue = "200000")
  long stickyCacheSize;

  private Cache<StickyKey, UUID> sticky;
  private final AtomicLong databaseCalls = new AtomicLong();

  /** What the cache remembers: one viewer in one bucket version (and, for misses, one period). */
  private record StickyKey(UUID experimentId, int bucketVersion, int period, String viewerKey) {}

  @PostConstruct
  void createCache() {
    sticky = Caffeine.newBuilder().maximumSize(stickyCacheSize).build();
  }

  /**
   * The viewer's arm, or null when the viewer falls outside the group's coverage.
   *
   * @param viewerKey the viewer's HMAC key (never the raw id)
   */
  public LiveArm assign(LiveExperiment x, UUID groupId, String viewerId, String viewerKey) {
    LivePeriod period = x.periods().get(groupId);
    StickyKey enrolled = new StickyKey(x.id(), x.bucketVersion(), -1, viewerKey);
    UUID known = sticky.getIfPresent(enrolled);
    if (known != null) {
      return x.arm(known);
    }
    StickyKey outside = new StickyKey(x.id(), x.bucketVersion(), period.period(), viewerKey);
    if (sticky.getIfPresent(outside) != null) {
      return null;
    }
    databaseCalls.incrementAndGet();
    Optional<UUID> recorded = recorder.recordedArm(x.id(), viewerKey, x.bucketVersion());
    if (recorded.isPresent()) {
      sticky.put(enrolled, recorded.get());
      return x.arm(recorded.get());
    }
    int index =
        new ArmAssigner(x.hashSeed(), x.arms().size(), period.coverage(), period.weights())
            .assign(viewerId);
    if (index < 0) {
      sticky.put(outside, NOT_ENROLLED);
      return null;
    }
    LiveArm arm = x.arms().get(index);
    databaseCalls.incrementAndGet();
    UUID armId =
        recorder.recordFirst(
            x.id(),
            viewerKey,
            x.bucketVersion(),
            arm.id(),
            groupId,
            period.period(),
            period.coverage() * period.weights()[index]);
    sticky.put(enrolled, armId);
    return x.arm(armId);
  }

  /** After an erasure: forget every remembered assignment (they are pseudonymous, but gone). */
  void forgetViewers() {
    sticky.invalidateAll();
  }

  /** Database round trips this node made to enrol feed viewers (for tests and metrics). */
  public long databaseCalls() {
    return databaseCalls.get();
  }
}
