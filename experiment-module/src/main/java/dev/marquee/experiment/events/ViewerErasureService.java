package dev.marquee.experiment.events;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.experiment.enrolment.AssignmentRepository;
import dev.marquee.experiment.enrolment.ViewerKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Erases a viewer's personal data (right to erasure): raw events, per-viewer counters and sticky
 * assignments. Aggregates are anonymous sums and stay; the audit event names the viewer key, not
 * the viewer id.
 */
@ApplicationScoped
@Transactional
public class ViewerErasureService {
  @Inject ViewerKeys viewerKeys;
  @Inject EventRepository events;
  @Inject AssignmentRepository assignments;
  @Inject AuditLog audit;

  /**
   * @return rows deleted by kind ({@code events}, {@code viewerCounters}, {@code assignments})
   */
  public Map<String, Integer> erase(String viewerId, String actor) {
    String key = viewerKeys.keyOf(viewerId);
    int[] deleted = events.eraseViewer(key);
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("events", deleted[0]);
    counts.put("viewerCounters", deleted[1]);
    counts.put("assignments", assignments.eraseViewer(key));
    audit.record(
        actor,
        AuditAction.VIEWER_ERASED,
        AuditTarget.VIEWER,
        key,
        "Erased a viewer's data",
        counts);
    return counts;
  }
}
