package dev.marquee.experiment.holdout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The one row holding the global holdout's share (0: no holdout). */
@Entity
@Table(name = "global_holdout")
public class HoldoutSetting {
  static final int ID = 1;

  @Id private int id;

  @Column(nullable = false)
  private double share;

  @Version private long version;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 200)
  private String updatedBy;

  protected HoldoutSetting() {}

  void change(double newShare, String actor, Instant now) {
    this.share = newShare;
    this.updatedAt = now;
    this.updatedBy = actor;
  }

  public double getShare() {
    return share;
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
