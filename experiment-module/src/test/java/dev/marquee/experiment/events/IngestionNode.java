package dev.marquee.experiment.events;

import dev.marquee.audit.AuditLog;
import dev.marquee.audit.JpaAuditRepository;
import dev.marquee.catalog.CatalogService;
import dev.marquee.catalog.JpaCatalogRepository;
import dev.marquee.experiment.enrolment.AssignmentRepository;
import dev.marquee.experiment.enrolment.SqlDialect;
import dev.marquee.experiment.enrolment.ViewerKeys;
import dev.marquee.experiment.holdout.HoldoutService;
import dev.marquee.experiment.lifecycle.ExperimentService;
import dev.marquee.experiment.lifecycle.JpaExperimentRepository;
import dev.marquee.testing.Jpa;
import dev.marquee.testing.TestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One server node: its own EntityManagerFactory on the shared test database and the ingestion stack
 * wired by hand as CDI wires it in the server (the writers, the transactional service, the facade
 * that takes turns on H2 and re-runs lost races). Two of these on one database are two nodes behind
 * a load balancer.
 */
final class IngestionNode {
  /** The plugin's entities plus those ingestion and the experiment set-up touch. */
  static final List<String> ENTITIES = entities();

  /** Every node must share the viewer-key secret (32 bytes, base64). */
  static final String VIEWER_SECRET = "bWFycXVlZS10ZXN0LXZpZXdlci1rZXktc2VjcmV0LTMyYg==";

  private static final Map<String, IngestionNode> NODES = new ConcurrentHashMap<>();

  final Jpa jpa;
  final SqlDialect dialect;
  final ViewerKeys viewerKeys;
  final AssignmentRepository assignments;
  final ExperimentService experiments;
  final CatalogService catalog;
  final EventIngestionService service;
  final EventIngestion ingestion;

  /**
   * Node {@code n} on the database, started once per JVM (a factory takes seconds to boot).
   *
   * @param n 0 or 1
   */
  static IngestionNode on(TestDatabase database, int n) {
    return NODES.computeIfAbsent(database + "/" + n, k -> new IngestionNode(database));
  }

  private IngestionNode(TestDatabase database) {
    jpa = new Jpa(database.dataSource(), ENTITIES);
    EntityManager em = jpa.entityManager();
    dialect = new SqlDialect(database.dataSource());
    AuditLog audit = new AuditLog(new JpaAuditRepository(em));
    viewerKeys = new ViewerKeys(VIEWER_SECRET);
    assignments = new AssignmentRepository(em, dialect);
    JpaExperimentRepository repository = new JpaExperimentRepository(em);
    experiments = new ExperimentService(repository, audit);
    catalog = new CatalogService(new JpaCatalogRepository(em), audit);
    service =
        new EventIngestionService(
            repository,
            viewerKeys,
            new HoldoutService(em, audit, Duration.ofSeconds(10)),
            assignments,
            dialect,
            new PostgresEventBatchWriter(em),
            new H2EventBatchWriter(em),
            Duration.ofDays(7),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15));
    // as the container's @Transactional does: each attempt in a transaction of its own
    ingestion =
        new EventIngestion(
            batch -> jpa.tx(() -> service.ingest(batch)), () -> !dialect.isPostgres());
  }

  private static List<String> entities() {
    List<String> all = new ArrayList<>(Jpa.ENTITIES);
    all.addAll(
        List.of(
            "dev.marquee.experiment.audience.AudienceGroup",
            "dev.marquee.experiment.audience.AudienceGroupOrder",
            "dev.marquee.experiment.enrolment.StickyAssignment",
            "dev.marquee.experiment.holdout.HoldoutSetting",
            "dev.marquee.experiment.lifecycle.Experiment",
            "dev.marquee.experiment.lifecycle.RunningExperimentSlot",
            "dev.marquee.render.template.Template",
            "dev.marquee.render.template.TemplateVersion",
            "dev.marquee.render.variant.Variant"));
    return List.copyOf(all);
  }
}
