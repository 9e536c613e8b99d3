package dev.marquee.demo;

import dev.marquee.catalog.CatalogEntry;
import dev.marquee.catalog.CatalogService;
import dev.marquee.catalog.EntryFilter;
import dev.marquee.catalog.EntrySort;
import dev.marquee.catalog.EntryStatus;
import dev.marquee.catalog.importing.CatalogImportService;
import dev.marquee.catalog.importing.ImportFormat;
import dev.marquee.catalog.importing.ImportResult;
import dev.marquee.errors.ResourceNotFoundException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Logger;

/**
 * Loads the demo catalog (dev/marquee/demo/catalog.json) through the same bulk import users run,
 * only in demo mode ({@link DemoMode}) and only into a catalog without any entry, so it never
 * touches real data; then hands the rest of the demo to {@link DemoSetup}. A later start finds the
 * demo's catalog and only resumes or confirms the setup.
 */
@ApplicationScoped
public class DemoCatalogLoader {
  private static final Logger LOG = Logger.getLogger(DemoCatalogLoader.class.getName());
  static final String ACTOR = "demo-loader";

  /** An entry of the demo catalog: its presence, created by the loader, marks a demo database. */
  static final String MARKER_ENTRY = "pd-charade-1963";

  @Inject DemoMode mode;
  @Inject DemoProgress progress;
  @Inject DemoSetup setup;
  @Inject CatalogService catalog;
  @Inject CatalogImportService imports;

  void load(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) Startup startup) {
    if (!mode.isOn()) {
      progress.off("This server runs without the demo.");
      return;
    }
    if (isCatalogEmpty()) {
      try (InputStream json = getClass().getResourceAsStream("catalog.json")) {
        ImportResult result = imports.importFile(ImportFormat.JSON, json, ACTOR);
        LOG.info(() -> "Demo catalog loaded: " + result.created() + " entries.");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      setup.inBackground();
    } else if (isDemoCatalog()) {
      setup.resume();
    } else {
      progress.off(
          "The demo is loaded only into an empty database, and this catalog held other entries.");
    }
  }

  private boolean isCatalogEmpty() {
    return catalog.list(EntryFilter.all(), EntrySort.TITLE, null, 1).items().isEmpty()
        && catalog
            .list(EntryFilter.all().withStatus(EntryStatus.ARCHIVED), EntrySort.TITLE, null, 1)
            .items()
            .isEmpty();
  }

  private boolean isDemoCatalog() {
    try {
      CatalogEntry marker = catalog.getByExternalId(MARKER_ENTRY);
      return ACTOR.equals(marker.getCreatedBy());
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }
}
