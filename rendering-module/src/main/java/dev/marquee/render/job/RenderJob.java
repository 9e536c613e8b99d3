package dev.marquee.render.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A background render of an entry's variants: the planned items, the counters updated after each
 * item, and the failures with their reasons. Stored so every node and a restarted node show it.
 */
@Entity
@Table(name = "render_job")
public class RenderJob {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Id private UUID id;

  @Column(name = "entry_id", nullable = false)
  private UUID entryId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private RenderJobState state;

  /** The planned {@link JobItem}s as JSON. */
  @Column(nullable = false, length = 1_000_000)
  private String items;

  @Column(nullable = false)
  private int total;

  @Column(nullable = false)
  private int rendered;

  @Column(nullable = false)
  private int skipped;

  @Column(nullable = false)
  private int failed;

  @Column(nullable = false)
  private boolean interrupted;

  /** The node that runs the job; it marks its own unfinished jobs interrupted on start-up. */
  @Column(nullable = false, length = 200)
  private String node;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 200)
  private String createdBy;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "render_job_failure", joinColumns = @JoinColumn(name = "job_id"))
  @OrderColumn(name = "ordinal")
  private List<RenderFailure> failures = new ArrayList<>();

  @Version private long version;

  protected RenderJob() {}

  public RenderJob(UUID entryId, List<JobItem> items, String node, String actor, Instant now) {
    this.id = UUID.randomUUID();
    this.entryId = entryId;
    this.state = RenderJobState.QUEUED;
    this.items = toJson(items);
    this.total = items.size();
    this.node = node;
    this.createdAt = now;
    this.createdBy = actor;
  }

  void start(Instant now) {
    state = RenderJobState.RUNNING;
    startedAt = now;
  }

  void recordRendered() {
    rendered++;
  }

  void recordSkipped() {
    skipped++;
  }

  void recordFailure(RenderFailure failure) {
    failed++;
    failures.add(failure);
  }

  void finish(Instant now) {
    if (failed == 0) {
      state = RenderJobState.SUCCEEDED;
    } else if (failed == total) {
      state = RenderJobState.FAILED;
    } else {
      state = RenderJobState.PARTIAL;
    }
    finishedAt = now;
  }

  void interrupt(Instant now) {
    state = RenderJobState.FAILED;
    interrupted = true;
    finishedAt = now;
  }

  public List<JobItem> items() {
    try {
      return JSON.readValue(items, new TypeReference<List<JobItem>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored job items are unreadable", e);
    }
  }

  private static String toJson(List<JobItem> items) {
    try {
      return JSON.writeValueAsString(items);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("job items are always serialisable", e);
    }
  }

  public UUID getId() {
    return id;
  }

  public UUID getEntryId() {
    return entryId;
  }

  public RenderJobState getState() {
    return state;
  }

  public int getTotal() {
    return total;
  }

  public int getRendered() {
    return rendered;
  }

  public int getSkipped() {
    return skipped;
  }

  public int getFailed() {
    return failed;
  }

  /** rendered + skipped + failed. */
  public int done() {
    return rendered + skipped + failed;
  }

  public boolean isInterrupted() {
    return interrupted;
  }

  public String getNode() {
    return node;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public List<RenderFailure> getFailures() {
    return List.copyOf(failures);
  }
}
