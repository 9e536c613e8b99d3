package dev.marquee.delivery.change;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditEvent;
import dev.marquee.audit.AuditTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every change passes through the audit log inside its transaction, so observing it finds every
 * change that alters what the feed answers, whichever module made it, without each service having
 * to remember the feed.
 */
@ApplicationScoped
public class AuditedDeliveryChanges {
  private static final Map<String, Set<DeliverySegment>> BY_TARGET =
      Map.ofEntries(
          // tags and entries also name the tags of variants and regions (renames, merges,
          // untagging)
          Map.entry(
              AuditTarget.ENTRY, EnumSet.of(DeliverySegment.CATALOG, DeliverySegment.VARIANTS)),
          Map.entry(AuditTarget.TAG, EnumSet.of(DeliverySegment.CATALOG, DeliverySegment.VARIANTS)),
          Map.entry(
              AuditTarget.CATALOG, EnumSet.of(DeliverySegment.CATALOG, DeliverySegment.VARIANTS)),
          Map.entry(AuditTarget.SOURCE_IMAGE, EnumSet.of(DeliverySegment.VARIANTS)),
          Map.entry(AuditTarget.TEMPLATE, EnumSet.of(DeliverySegment.VARIANTS)),
          Map.entry(AuditTarget.AUDIENCE_GROUP, EnumSet.of(DeliverySegment.AUDIENCES)),
          Map.entry(AuditTarget.EXPERIMENT, EnumSet.of(DeliverySegment.EXPERIMENTS)),
          Map.entry(AuditTarget.PROMOTION, EnumSet.of(DeliverySegment.ARTWORK)),
          Map.entry(AuditTarget.ARTWORK, EnumSet.of(DeliverySegment.ARTWORK)),
          Map.entry(AuditTarget.GUARDRAILS, EnumSet.of(DeliverySegment.GUARDRAILS)),
          Map.entry(AuditTarget.FEED_ROW, EnumSet.of(DeliverySegment.ROWS)),
          Map.entry(AuditTarget.VIEWER, EnumSet.of(DeliverySegment.VIEWERS)));

  @Inject DeliveryChangeLog changes;

  void onAudit(@Observes AuditEvent event) {
    Set<DeliverySegment> segments = BY_TARGET.get(event.getTargetType());
    if (segments != null && event.getAction() != AuditAction.PROMOTION_PROPOSED) {
      changes.changed(segments);
    }
  }
}
