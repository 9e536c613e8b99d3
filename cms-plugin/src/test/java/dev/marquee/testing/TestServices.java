package dev.marquee.testing;

import dev.marquee.audit.AuditLog;
import dev.marquee.audit.JpaAuditRepository;
import dev.marquee.catalog.CatalogService;
import dev.marquee.catalog.JpaCatalogRepository;
import dev.marquee.catalog.importing.CatalogImportService;
import dev.marquee.tagging.JpaTagRepository;
import dev.marquee.tagging.TagVocabularyService;
import dev.marquee.tagging.TaggingService;
import jakarta.persistence.EntityManager;

/** The application services wired by hand on one {@link TestDatabase}, as CDI would wire them. */
public class TestServices {
  public final Jpa jpa;
  public final JpaCatalogRepository entries;
  public final JpaTagRepository tags;
  public final AuditLog audit;
  public final CatalogService catalog;
  public final TaggingService tagging;
  public final TagVocabularyService vocabulary;
  public final CatalogImportService importer;

  public TestServices(TestDatabase database) {
    this.jpa = database.freshJpa();
    EntityManager em = jpa.entityManager();
    this.entries = new JpaCatalogRepository(em);
    this.tags = new JpaTagRepository(em);
    this.audit = new AuditLog(new JpaAuditRepository(em));
    this.catalog = new CatalogService(entries, audit);
    this.tagging = new TaggingService(entries, tags, audit);
    this.vocabulary = new TagVocabularyService(tags, audit);
    this.importer = new CatalogImportService(entries, tags, tagging, audit);
  }

  public <T> T tx(java.util.function.Supplier<T> work) {
    return jpa.tx(work);
  }
}
