package dev.marquee.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A webhook message already applied; its id makes redeliveries harmless. */
@Entity
@Table(name = "inbound_webhook_delivery")
public class ProcessedWebhook {
  @EmbeddedId private Key key;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected ProcessedWebhook() {}

  public ProcessedWebhook(String source, String webhookId, Instant receivedAt) {
    this.key = new Key(source, webhookId);
    this.receivedAt = receivedAt;
  }

  public String source() {
    return key.source;
  }

  public String webhookId() {
    return key.webhookId;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  /** Source name plus the sender's {@code webhook-id}. */
  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "source", length = 64)
    private String source;

    @Column(name = "webhook_id", length = 200)
    private String webhookId;

    protected Key() {}

    public Key(String source, String webhookId) {
      this.source = source;
      this.webhookId = webhookId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && source.equals(k.source) && webhookId.equals(k.webhookId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(source, webhookId);
    }
  }
}
