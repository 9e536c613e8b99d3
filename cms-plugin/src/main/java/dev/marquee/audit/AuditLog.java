package dev.marquee.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.paging.KeysetCursor;
import dev.marquee.paging.Page;
import dev.marquee.paging.PageLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Records and queries audit events. {@link #record} joins the caller's transaction, so an event
 * exists exactly when its change was committed.
 */
@ApplicationScoped
public class AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditRepository repository;
  private Consumer<AuditEvent> listeners;

  protected AuditLog() {}

  /** Outside a container: events are stored, nobody is notified. */
  public AuditLog(AuditRepository repository) {
    this(repository, event -> {});
  }

  /**
   * Every recorded event is also fired as a synchronous CDI event inside the same transaction, so
   * observers (e.g. outbound webhooks) write their own rows atomically with the change.
   */
  @Inject
  public AuditLog(AuditRepository repository, Event<AuditEvent> events) {
    this(repository, (Consumer<AuditEvent>) events::fire);
  }

  private AuditLog(AuditRepository repository, Consumer<AuditEvent> listeners) {
    this.repository = repository;
    this.listeners = listeners;
  }

  /**
   * Writes one event in the current transaction.
   *
   * @param details serialised as JSON; null for none
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      String actor,
      AuditAction action,
      String targetType,
      String targetId,
      String summary,
      Map<String, ?> details) {
    AuditEvent event =
        new AuditEvent(
            now(),
            actor,
            action,
            targetType,
            targetId,
            summary,
            details == null ? null : json(details));
    repository.add(event);
    listeners.accept(event);
  }

  /** Events matching {@code query}, newest first. */
  @Transactional
  public Page<AuditEvent> query(AuditQuery query, String cursor, Integer limit) {
    int size = PageLimit.of(limit);
    String fingerprint = KeysetCursor.fingerprint("audit\u0001" + query.canonical());
    KeysetCursor after = KeysetCursor.decode(cursor, fingerprint);
    List<AuditEvent> rows = repository.list(query, after, size + 1);
    return Page.fromOverfetch(
        rows,
        size,
        last ->
            new KeysetCursor(fingerprint, last.getOccurredAt().toString(), last.getId()).encode());
  }

  /** Timestamps at the microsecond precision both H2 and PostgreSQL keep, so cursors compare. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  private static String json(Map<String, ?> details) {
    try {
      return JSON.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit details must be JSON-serialisable", e);
    }
  }
}
