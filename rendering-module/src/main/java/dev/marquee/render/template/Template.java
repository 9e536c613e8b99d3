package dev.marquee.render.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A named template: its status and which version is the latest. The definitions themselves are
 * immutable {@link TemplateVersion}s.
 */
@Entity
@Table(name = "render_template")
public class Template {
  @Id private UUID id;

  @Column(nullable = false, length = 100, unique = true)
  private String name;

  @Column(length = 1000)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private TemplateStatus status;

  @Column(name = "latest_version", nullable = false)
  private int latestVersion;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 200)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 200)
  private String updatedBy;

  @Version private long version;

  protected Template() {}

  public Template(String name, String description, String actor, Instant now) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.description = description;
    this.status = TemplateStatus.ACTIVE;
    this.latestVersion = 0;
    this.createdAt = now;
    this.createdBy = actor;
    this.updatedAt = now;
    this.updatedBy = actor;
  }

  /** Adds the next version with this definition. */
  public TemplateVersion addVersion(
      TemplateDefinition definition, String description, String actor, Instant now) {
    latestVersion++;
    this.description = description;
    this.updatedAt = now;
    this.updatedBy = actor;
    return new TemplateVersion(this, latestVersion, definition, actor, now);
  }

  /**
   * @return whether the status changed
   */
  public boolean archive(String actor, Instant now) {
    if (status == TemplateStatus.ARCHIVED) {
      return false;
    }
    status = TemplateStatus.ARCHIVED;
    updatedAt = now;
    updatedBy = actor;
    return true;
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public TemplateStatus getStatus() {
    return status;
  }

  public int getLatestVersion() {
    return latestVersion;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
