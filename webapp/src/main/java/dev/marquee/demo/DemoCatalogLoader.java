package dev.marquee.demo;

import dev.marquee.catalog.CatalogService;
import dev.marquee.catalog.EntryFilter;
import dev.marquee.catalog.EntrySort;
import dev.marquee.catalog.EntryStatus;
import dev.marquee.catalog.importing.CatalogImportService;
import dev.marquee.catalog.importing.ImportFormat;
import dev.marquee.catalog.importing.ImportResult;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the demo catalog (dev/marquee/demo/catalog.json) through the same bulk import users run,
 * when enabled and only into a catalog without any entry, so it never touches real data.
 */
@ApplicationScoped
public class DemoCatalogLoader {
  private static final Logger LOG = Logger.getLogger(DemoCatalogLoader.class.getName());
  static final String ACTOR = "demo-loader";

  @Inject CatalogService catalog;
  @Inject CatalogImportService imports;

  @Inject
  @ConfigProperty(name = "marquee.demo.enabled", defaultValue = "false")
  boolean enabled;

  void load(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) Startup startup) {
    if (!enabled || !isCatalogEmpty()) {
      return;
    }
    try (InputStream json = getClass().getResourceAsStream("catalog.json")) {
      ImportResult result = imports.importFile(ImportFormat.JSON, json, ACTOR);
      LOG.info(() -> "Demo catalog loaded: " + result.created() + " entries.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean isCatalogEmpty() {
    return catalog.list(EntryFilter.all(), EntrySort.TITLE, null, 1).items().isEmpty()
        && catalog
            .list(EntryFilter.all().withStatus(EntryStatus.ARCHIVED), EntrySort.TITLE, null, 1)
            .items()
            .isEmpty();
  }
}
