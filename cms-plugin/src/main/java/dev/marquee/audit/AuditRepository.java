package dev.marquee.audit;

import dev.marquee.paging.KeysetCursor;
import java.util.List;

/** Stores audit events. */
public interface AuditRepository {
  void add(AuditEvent event);

  /** At most {@code limit} events matching {@code query}, newest first, after {@code after}. */
  List<AuditEvent> list(AuditQuery query, KeysetCursor after, int limit);
}
