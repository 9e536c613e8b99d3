package dev.marquee.delivery.access;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A front-end app (TV, mobile, web) allowed to call the delivery API with its own keys, rate limit
 * and CORS origins. Only changed when something actually differs, so no-op updates keep the
 * version.
 */
@Entity
@Table(name = "delivery_app")
public class DeliveryApp {
  @Id private UUID id;

  @Column(nullable = false, length = DeliveryAppDraft.MAX_NAME, unique = true)
  private String name;

  @Column(length = DeliveryAppDraft.MAX_DESCRIPTION)
  private String description;

  @ElementCollection
  @CollectionTable(name = "delivery_app_origin", joinColumns = @JoinColumn(name = "app_id"))
  @OrderColumn(name = "position")
  @Column(name = "origin", nullable = false, length = DeliveryAppDraft.MAX_ORIGIN)
  private List<String> allowedOrigins = new ArrayList<>();

  @Column(name = "rate_per_second", nullable = false)
  private int requestsPerSecond;

  @Column(name = "rate_burst", nullable = false)
  private int burst;

  @Column(nullable = false)
  private boolean enabled;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 200)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 200)
  private String updatedBy;

  protected DeliveryApp() {}

  /** A new app from a {@link DeliveryAppDraft#validated() validated} draft. */
  public DeliveryApp(DeliveryAppDraft valid, String actor, Instant now) {
    this.id = UUID.randomUUID();
    this.createdAt = now;
    this.createdBy = actor;
    this.updatedAt = now;
    this.updatedBy = actor;
    copyFrom(valid);
  }

  /**
   * Makes this app look like the validated draft.
   *
   * @return whether anything changed
   */
  public boolean apply(DeliveryAppDraft valid, String actor, Instant now) {
    if (Objects.equals(name, valid.name())
        && Objects.equals(description, valid.description())
        && allowedOrigins.equals(valid.allowedOrigins())
        && requestsPerSecond == valid.requestsPerSecond()
        && burst == valid.burst()
        && enabled == valid.enabled()) {
      return false;
    }
    copyFrom(valid);
    this.updatedAt = now;
    this.updatedBy = actor;
    return true;
  }

  private void copyFrom(DeliveryAppDraft valid) {
    this.name = valid.name();
    this.description = valid.description();
    this.allowedOrigins.clear();
    this.allowedOrigins.addAll(valid.allowedOrigins());
    this.requestsPerSecond = valid.requestsPerSecond();
    this.burst = valid.burst();
    this.enabled = valid.enabled();
  }

  /** The audited fields, for change sets. */
  public Map<String, Object> snapshot() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("description", description);
    s.put("allowedOrigins", List.copyOf(allowedOrigins));
    s.put("requestsPerSecond", requestsPerSecond);
    s.put("burst", burst);
    s.put("enabled", enabled);
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

  public List<String> getAllowedOrigins() {
    return List.copyOf(allowedOrigins);
  }

  public int getRequestsPerSecond() {
    return requestsPerSecond;
  }

  public int getBurst() {
    return burst;
  }

  public boolean isEnabled() {
    return enabled;
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
