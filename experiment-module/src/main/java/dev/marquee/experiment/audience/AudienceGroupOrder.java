package dev.marquee.experiment.audience;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The single row whose version is the ETag of the groups' resolution order. Creating, deleting and
 * reordering groups change it, so a reorder based on a stale list fails with 412.
 */
@Entity
@Table(name = "audience_group_order")
public class AudienceGroupOrder {
  static final int SINGLETON_ID = 1;

  @Id private int id;

  @Version private long version;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  protected AudienceGroupOrder() {}

  /** Marks the order changed, so its version moves on at flush. */
  void changed(Instant now) {
    this.changedAt = now;
  }

  public long getVersion() {
    return version;
  }
}
