package dev.marquee.experiment.audience;

import dev.marquee.experiment.audience.rules.AudienceRule;
import dev.marquee.experiment.audience.rules.GroupRules;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A named viewer segment with ordered rules. Exactly one group is the default (created by the
 * migration, always last, no rules, never deleted).
 */
@Entity
@Table(name = "audience_group")
public class AudienceGroup {
  /** The default group's fixed id (inserted by the V6 migration). */
  public static final UUID DEFAULT_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

  /** The default group's position: after every other group. */
  public static final int DEFAULT_POSITION = Integer.MAX_VALUE;

  @Id private UUID id;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(length = 1000)
  private String description;

  @Column(nullable = false)
  private int position;

  @Column(name = "default_marker", length = 1)
  private String defaultMarker;

  @Column(name = "rules_json", nullable = false, length = 1000000)
  private String rulesJson;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 200)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 200)
  private String updatedBy;

  protected AudienceGroup() {}

  /** A new non-default group from a valid draft. */
  AudienceGroup(AudienceDraft draft, int position, String actor, Instant now) {
    this.id = UUID.randomUUID();
    this.position = position;
    this.createdAt = now;
    this.createdBy = actor;
    apply(draft, actor, now);
  }

  /** Takes the draft's fields. @return whether anything changed */
  boolean apply(AudienceDraft draft, String actor, Instant now) {
    String json = StoredRules.write(draft.rules());
    if (Objects.equals(name, draft.name())
        && Objects.equals(description, draft.description())
        && json.equals(rulesJson)) {
      return false;
    }
    this.name = draft.name();
    this.description = draft.description();
    this.rulesJson = json;
    this.updatedAt = now;
    this.updatedBy = actor;
    return true;
  }

  void moveTo(int newPosition) {
    this.position = newPosition;
  }

  /** The group as the pure resolver sees it. */
  public GroupRules toGroupRules() {
    return new GroupRules(id, name, getRules());
  }

  /** Fields for audit details. */
  Map<String, Object> snapshot() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("description", description);
    s.put("rules", rulesJson);
    return s;
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

  public int getPosition() {
    return position;
  }

  public boolean isDefault() {
    return defaultMarker != null;
  }

  public List<AudienceRule> getRules() {
    return StoredRules.read(rulesJson);
  }

  public long getVersion() {
    return version;
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

  public String getUpdatedBy() {
    return updatedBy;
  }
}
