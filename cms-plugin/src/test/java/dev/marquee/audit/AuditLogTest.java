package dev.marquee.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.errors.InvalidInputException;
import dev.marquee.paging.Page;
import dev.marquee.testing.BothDatabases;
import dev.marquee.testing.TestDatabase;
import dev.marquee.testing.TestServices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class AuditLogTest {
  @BothDatabases
  void queriesNewestFirstWithFiltersAndCursors(TestDatabase db) {
    TestServices s = new TestServices(db);
    Instant start = AuditLog.now();
    s.jpa.run(
        () -> {
          for (int i = 0; i < 12; i++) {
            s.audit.record(
                i % 3 == 0 ? "alice" : "bob",
                i % 2 == 0 ? AuditAction.ENTRY_CREATED : AuditAction.ENTRY_UPDATED,
                AuditTarget.ENTRY,
                "e" + (i % 4),
                "event " + i,
                Map.of("i", i));
          }
        });

    List<String> summaries = new ArrayList<>();
    String cursor = null;
    do {
      String c = cursor;
      Page<AuditEvent> page = s.tx(() -> s.audit.query(AuditQuery.all(), c, 5));
      page.items().forEach(e -> summaries.add(e.getSummary()));
      cursor = page.nextCursor();
    } while (cursor != null);
    assertThat(summaries).hasSize(12).doesNotHaveDuplicates();
    List<AuditEvent> all = s.tx(() -> s.audit.query(AuditQuery.all(), null, 200)).items();
    assertThat(all)
        .extracting(AuditEvent::getOccurredAt)
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(all.get(0).getDetails()).isEqualTo("{\"i\":11}");

    assertThat(
            s.tx(
                    () ->
                        s.audit.query(
                            new AuditQuery(null, null, "alice", null, null, null), null, null))
                .items())
        .hasSize(4)
        .allSatisfy(e -> assertThat(e.getActor()).isEqualTo("alice"));
    assertThat(
            s.tx(() -> s.audit.query(AuditQuery.forTarget(AuditTarget.ENTRY, "e1"), null, null))
                .items())
        .extracting(AuditEvent::getSummary)
        .containsExactly("event 9", "event 5", "event 1");
    assertThat(
            s.tx(
                    () ->
                        s.audit.query(
                            new AuditQuery(
                                null, null, "bob", AuditAction.ENTRY_CREATED, null, null),
                            null,
                            null))
                .items())
        .extracting(AuditEvent::getSummary)
        .containsExactly("event 10", "event 8", "event 4", "event 2");
    assertThat(
            s.tx(
                    () ->
                        s.audit.query(
                            new AuditQuery(null, null, null, null, start, null), null, null))
                .items())
        .hasSize(12);
    assertThat(
            s.tx(
                    () ->
                        s.audit.query(
                            new AuditQuery(null, null, null, null, null, start), null, null))
                .items())
        .isEmpty();

    String first = s.tx(() -> s.audit.query(AuditQuery.all(), null, 5)).nextCursor();
    assertThatThrownBy(
            () ->
                s.tx(
                    () ->
                        s.audit.query(
                            new AuditQuery(null, null, "bob", null, null, null), first, 5)))
        .isInstanceOf(InvalidInputException.class);
  }
}
