package dev.marquee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.catalog.CatalogService;
import dev.marquee.catalog.EntryDraft;
import dev.marquee.catalog.EntryKind;
import dev.marquee.render.collection.OrphanCollector;
import dev.marquee.render.collection.SweepResult;
import dev.marquee.render.source.SourceImageService;
import dev.marquee.render.source.SpooledUpload;
import dev.marquee.render.store.AssetKey;
import dev.marquee.render.template.TemplateAssets;
import dev.marquee.render.template.TemplateDefinition;
import dev.marquee.render.template.TemplateService;
import dev.marquee.render.variant.VariantRendering;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: orphaned blobs are collected through the real services, database and asset store.
 * Deleting a source image orphans its variant's renditions; an uploaded logo no template uses and a
 * blob left by an interrupted render are orphans too. A round run as if the grace period (24 h) had
 * passed deletes exactly those, keeps everything a row or template refers to and what was stored
 * within the grace period, and runs once when two pollers (two nodes) race for it.
 */
@ExtendWith(ArquillianExtension.class)
class AssetCollectionIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Deployment
  static WebArchive deployment() {
    return MarqueeDeployment.war()
        .addClasses(AssetCollectionIT.class, ItImages.class, AssetDirectory.class);
  }

  @Inject CatalogService catalog;
  @Inject SourceImageService images;
  @Inject TemplateService templates;
  @Inject TemplateAssets logos;
  @Inject VariantRendering rendering;
  @Inject OrphanCollector collector;
  @PersistenceContext EntityManager em;

  @Test
  void collectsWhatNothingRefersToOnceAcrossNodesAndKeepsTheRest() throws Exception {
    UUID entry =
        catalog
            .create(EntryDraft.of("collect-" + RUN, EntryKind.MOVIE, "Collected " + RUN), "it")
            .getId();
    UUID doomed = upload(entry, ItImages.jpeg(320, 180, 1000 + RUN.hashCode()));
    UUID kept = upload(entry, ItImages.jpeg(320, 180, 2000 + RUN.hashCode()));
    String usedLogo =
        logos.store(ItImages.alphaPng(40, 20, 3000 + RUN.hashCode())).key().sha256Hex();
    String unusedLogo =
        logos.store(ItImages.alphaPng(40, 20, 4000 + RUN.hashCode())).key().sha256Hex();
    UUID version =
        templates.create("collect-" + RUN, "IT", definitionWithLogo(usedLogo), "it").getId();
    rendering.render(new VariantRendering.Request(doomed, null, null, version), null);
    rendering.render(new VariantRendering.Request(kept, null, null, version), null);
    List<String> doomedRenditions = renditionsOf(doomed);
    List<String> keptRenditions = renditionsOf(kept);
    String doomedImage = contentOf(doomed);
    String keptImage = contentOf(kept);
    assertFalse(doomedRenditions.isEmpty());

    images.delete(doomed, OptionalLong.empty(), "it");
    String leftover = place(ItImages.jpeg(64, 36, 5000 + RUN.hashCode()), null);
    // "now" for the round is two days ahead (and past any round already scheduled): everything
    // above is past the 24 h grace period...
    Instant roundAt = Instant.now().plus(Duration.ofDays(2));
    Instant scheduled = nextRound();
    if (!roundAt.isAfter(scheduled)) {
      roundAt = scheduled.plusSeconds(1);
    }
    // ...except this blob, stored (as the round sees it) an hour before the round.
    String young = place(ItImages.jpeg(64, 36, 6000 + RUN.hashCode()), roundAt.minusSeconds(3600));

    List<Optional<SweepResult>> rounds = race(roundAt);

    List<SweepResult> ran = rounds.stream().flatMap(Optional::stream).toList();
    assertEquals(1, ran.size(), "exactly one of two racing pollers runs the round: " + rounds);
    assertTrue(ran.get(0).deleted() >= doomedRenditions.size() + 2, "deleted " + ran.get(0));
    for (String hash : doomedRenditions) {
      assertFalse(Files.exists(AssetDirectory.store().pathOf(new AssetKey(hash))), hash);
    }
    assertFalse(stored(unusedLogo), "the logo no template uses");
    assertFalse(stored(leftover), "the blob an interrupted render left");
    assertFalse(stored(doomedImage), "the deleted image's bytes");
    for (String hash : keptRenditions) {
      assertTrue(stored(hash), "rendition of a live variant " + hash);
    }
    assertTrue(stored(keptImage), "the live image's bytes");
    assertTrue(stored(usedLogo), "the logo a template version names");
    assertTrue(stored(young), "a blob within the grace period");
    // The outcome is recorded for operators, and the next round is not due before the interval.
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select deleted, claimed_by, finished_at from asset_collection"
                        + " where name = 'assets'")
                .getSingleResult();
    assertEquals(ran.get(0).deleted(), ((Number) row[0]).longValue());
    assertTrue(row[2] != null, "finished_at is set");
    assertTrue(collector.runRound(roundAt.plusSeconds(60)).isEmpty(), "not due again yet");
  }

  private Instant nextRound() {
    Object next =
        em.createNativeQuery("select next_run_at from asset_collection where name = 'assets'")
            .getSingleResult();
    if (next instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (next instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    return ((java.time.Instant) next);
  }

  private UUID upload(UUID entry, byte[] jpeg) throws Exception {
    Path spool = Files.createTempDirectory("asset-collection-it");
    SpooledUpload upload =
        SpooledUpload.receive(new ByteArrayInputStream(jpeg), images.maxBytes(), spool);
    return images.upload(entry, upload, "still.jpg", "it").image().getId();
  }

  private static TemplateDefinition definitionWithLogo(String logo) {
    return new TemplateDefinition(
        new TemplateDefinition.Crop("CENTER", null, null, null, null),
        "16:9",
        List.of(new TemplateDefinition.Size(160, 90), new TemplateDefinition.Size(96, 54)),
        new TemplateDefinition.Format("JPEG", 85),
        "#000000",
        null,
        List.of(
            new TemplateDefinition.OverlayDefinition(
                "LOGO",
                null,
                null,
                null,
                null,
                null,
                "TOP_LEFT",
                null,
                null,
                null,
                null,
                logo,
                0.2,
                null,
                null)));
  }

  @SuppressWarnings("unchecked")
  private List<String> renditionsOf(UUID image) {
    List<Object> hashes =
        em.createNativeQuery(
                "select r.content_hash from variant_rendition r join variant v"
                    + " on v.id = r.variant_id where v.source_image_id = ?1")
            .setParameter(1, image)
            .getResultList();
    return hashes.stream().map(h -> h.toString().trim()).toList();
  }

  private String contentOf(UUID image) {
    return em.createNativeQuery("select content_hash from source_image where id = ?1")
        .setParameter(1, image)
        .getSingleResult()
        .toString()
        .trim();
  }

  /** Puts a blob nothing refers to, last stored at {@code when} (null: now). */
  private static String place(byte[] bytes, Instant when) throws Exception {
    AssetKey key = AssetKey.of(bytes);
    AssetDirectory.store().put(key, new ByteArrayInputStream(bytes));
    if (when != null) {
      Files.setLastModifiedTime(AssetDirectory.store().pathOf(key), FileTime.from(when));
    }
    return key.sha256Hex();
  }

  private static boolean stored(String hash) {
    return Files.exists(AssetDirectory.store().pathOf(new AssetKey(hash)));
  }

  /** Two pollers (standing in for two nodes on one database) ask for the same round at once. */
  private List<Optional<SweepResult>> race(Instant at) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Optional<SweepResult>>> pollers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        pollers.add(() -> collector.runRound(at));
      }
      List<Optional<SweepResult>> results = new ArrayList<>();
      for (Future<Optional<SweepResult>> f : pool.invokeAll(pollers)) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }
}
