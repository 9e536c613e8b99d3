package dev.marquee.experiment.feed.row;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
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

/** A named, ordered list of entries. */
@Entity
@Table(name = "feed_row")
public class FeedRow {
  @Id
  @Column(length = 63)
  private String name;

  @Column(nullable = false, length = 200)
  private String title;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "feed_row_entry", joinColumns = @JoinColumn(name = "row_name"))
  @OrderColumn(name = "position")
  @Column(name = "entry_id", nullable = false)
  private List<UUID> entryIds = new ArrayList<>();

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 200)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 200)
  private String updatedBy;

  protected FeedRow() {}

  FeedRow(String name, String title, List<UUID> entryIds, String actor, Instant now) {
    this.name = name;
    this.createdAt = now;
    this.createdBy = actor;
    replace(title, entryIds, actor, now);
  }

  final void replace(String title, List<UUID> entryIds, String actor, Instant now) {
    this.title = title;
    this.entryIds.clear();
    this.entryIds.addAll(entryIds);
    this.updatedAt = now;
    this.updatedBy = actor;
  }

  public String getName() {
    return name;
  }

  public String getTitle() {
    return title;
  }

  public List<UUID> getEntryIds() {
    return List.copyOf(entryIds);
  }

  public long getVersion() {
    return version;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
