package dev.marquee.webhook;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditEvent;
import dev.marquee.audit.AuditTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns catalog changes into {@code entry.changed} webhooks. It observes the audit log, which every
 * change passes through inside its transaction, so the outbox row commits with the change.
 */
@ApplicationScoped
public class EntryChangeWebhooks {
  private static final Set<AuditAction> ENTRY_CHANGES =
      EnumSet.of(
          AuditAction.ENTRY_CREATED,
          AuditAction.ENTRY_UPDATED,
          AuditAction.ENTRY_ARCHIVED,
          AuditAction.ENTRY_RESTORED,
          AuditAction.ENTRY_DELETED,
          AuditAction.ENTRY_TAGGED,
          AuditAction.ENTRY_UNTAGGED,
          AuditAction.ENTRIES_IMPORTED);

  @Inject WebhookOutbox outbox;

  void onAudit(@Observes AuditEvent event) {
    if (!ENTRY_CHANGES.contains(event.getAction())) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    if (AuditTarget.ENTRY.equals(event.getTargetType())) {
      data.put("entryId", event.getTargetId());
    }
    data.put("change", event.getAction().name());
    data.put("summary", event.getSummary());
    data.put("actor", event.getActor());
    data.put("occurredAt", event.getOccurredAt().toString());
    outbox.publish(WebhookEventType.ENTRY_CHANGED, data);
  }
}
