package dev.marquee.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Where Marquee sends which events, signed with the subscription's secret. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {
  @Id private UUID id;

  @Column(nullable = false, length = 2000)
  private String url;

  @Column(length = 500)
  private String description;

  /** {@code whsec_<base64>}; needed in clear to sign, so it is shown only once, on creation. */
  @Column(nullable = false, length = 100)
  private String secret;

  /** Sorted, comma-separated wire names. */
  @Column(name = "event_types", nullable = false, length = 500)
  private String eventTypes;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_by", nullable = false, length = 200)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected WebhookSubscription() {}

  public WebhookSubscription(SubscriptionDraft draft, String secret, String actor, Instant now) {
    this.id = UUID.randomUUID();
    this.secret = secret;
    this.createdBy = actor;
    this.createdAt = now;
    apply(draft, now);
  }

  final void apply(SubscriptionDraft draft, Instant now) {
    this.url = draft.url().toString();
    this.description = draft.description();
    this.eventTypes = encode(draft.eventTypes());
    this.enabled = draft.enabled();
    this.updatedAt = now;
  }

  private static String encode(Collection<WebhookEventType> types) {
    return types.stream().map(WebhookEventType::wireName).sorted().collect(Collectors.joining(","));
  }

  public UUID getId() {
    return id;
  }

  public String getUrl() {
    return url;
  }

  public String getDescription() {
    return description;
  }

  String getSecret() {
    return secret;
  }

  public Set<WebhookEventType> getEventTypes() {
    Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
    Arrays.stream(eventTypes.split(","))
        .filter(s -> !s.isEmpty())
        .forEach(s -> WebhookEventType.fromWireName(s).ifPresent(types::add));
    return types;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
