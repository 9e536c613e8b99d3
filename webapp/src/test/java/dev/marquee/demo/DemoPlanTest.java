package dev.marquee.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.catalog.importing.ImportRow;
import dev.marquee.catalog.importing.JsonEntryReader;
import dev.marquee.experiment.audience.rules.ProfileType;
import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.render.suggest.FaceDetector;
import dev.marquee.render.suggest.RegionSuggestion;
import dev.marquee.render.template.TemplateDefinitionCodec;
import dev.marquee.render.template.TemplateDefinitionValidator;
import dev.marquee.tagging.TagRef;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo plan (setup.json) fits the demo catalog and the services that will carry it out, so a
 * first start never fails half-way through preparing the demo.
 */
class DemoPlanTest {
  static DemoPlan plan;
  static Map<String, ImportRow> catalog;

  @BeforeAll
  static void read() throws Exception {
    plan = DemoPlan.load();
    try (InputStream json = DemoCatalogLoader.class.getResourceAsStream("catalog.json")) {
      catalog =
          JsonEntryReader.readFile(json).stream()
              .collect(Collectors.toMap(ImportRow::externalId, r -> r));
    }
  }

  static Set<String> tagsOf(String externalId) {
    return catalog.get(externalId).tags().stream()
        .map(t -> t.kind() + ":" + t.normalizedValue())
        .collect(Collectors.toSet());
  }

  static String key(String tag) {
    TagRef ref = TagRef.parse(tag, "tag");
    return ref.kind() + ":" + ref.normalizedValue();
  }

  static int minimumAge(String externalId) {
    return catalog.get(externalId).draft().maturity().minimumAge();
  }

  @Test
  void theTemplateIsValid() {
    var definition = TemplateDefinitionCodec.fromJson(plan.template().definition().toString());
    assertThat(new TemplateDefinitionValidator(asset -> false).validate(definition)).isEmpty();
    assertThat(definition.aspectRatio()).isEqualTo("16:9");
    assertThat(definition.overlays()).extracting(o -> o.type()).contains("TEXT", "BADGE");
  }

  @Test
  void everyPhotographShipsAsAJpegAndItsAreasLieInside() throws Exception {
    for (var image : plan.images().entrySet()) {
      try (InputStream in = DemoPlan.class.getResourceAsStream(image.getValue().file())) {
        assertThat(in).as(image.getKey()).isNotNull();
        assertThat(image.getValue().file()).endsWith(".jpg");
        BufferedImage decoded = ImageIO.read(in);
        assertThat(decoded.getWidth()).as(image.getKey()).isGreaterThanOrEqualTo(400);
      }
      for (var area : image.getValue().areas().entrySet()) {
        NormalizedRect r = area.getValue().rect(); // validates 0..1 and non-empty
        assertThat(r.x() + r.width()).as(area.getKey()).isLessThanOrEqualTo(1.0);
        assertThat(r.y() + r.height()).as(area.getKey()).isLessThanOrEqualTo(1.0);
      }
    }
  }

  @Test
  void everyRegionFramesATagOfItsEntryOnANamedArea() {
    for (DemoPlan.EntryArtwork artwork : plan.artwork()) {
      assertThat(catalog).as("catalog entry %s", artwork.entry()).containsKey(artwork.entry());
      assertThat(artwork.images()).as(artwork.entry()).isNotEmpty();
      for (DemoPlan.ImageUse use : artwork.images()) {
        assertThat(plan.images()).as(artwork.entry()).containsKey(use.image());
        Set<String> tagged = new HashSet<>();
        for (DemoPlan.RegionPlan region : use.regions()) {
          assertThat(tagsOf(artwork.entry()))
              .as("%s is tagged %s", artwork.entry(), region.tag())
              .contains(key(region.tag()));
          assertThat(plan.images().get(use.image()).areas())
              .as("%s on %s", region.area(), use.image())
              .containsKey(region.area());
          assertThat(tagged.add(key(region.tag()))).as("one region per tag").isTrue();
        }
      }
    }
  }

  @Test
  void thePlannedFacesAreWhereTheDetectorFindsThem() throws Exception {
    assertThat(FaceDetector.isAvailable()).as("OpenCV natives load here").isTrue();
    FaceDetector detector = FaceDetector.shared().orElseThrow();
    Map<String, List<RegionSuggestion>> found = new HashMap<>();
    for (DemoPlan.EntryArtwork artwork : plan.artwork()) {
      for (DemoPlan.ImageUse use : artwork.images()) {
        for (DemoPlan.RegionPlan region : use.regions()) {
          if (!region.face()) {
            continue;
          }
          List<RegionSuggestion> faces =
              found.computeIfAbsent(use.image(), name -> detect(detector, name));
          NormalizedRect planned = plan.images().get(use.image()).areas().get(region.area()).rect();
          assertThat(faces)
              .as("a face the loader accepts for %s on %s", region.tag(), use.image())
              .anySatisfy(
                  f ->
                      assertThat(DemoArtwork.overlap(f.rect(), planned))
                          .isGreaterThanOrEqualTo(DemoArtwork.FACE_OVERLAP));
        }
      }
    }
    assertThat(found).as("the plan accepts at least one face").isNotEmpty();
  }

  private static List<RegionSuggestion> detect(FaceDetector detector, String image) {
    try (InputStream in = DemoPlan.class.getResourceAsStream(plan.images().get(image).file())) {
      return detector.suggest(ImageIO.read(in));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void overlapIsIntersectionOverUnion() {
    NormalizedRect a = new NormalizedRect(0, 0, 0.5, 0.5);
    assertThat(DemoArtwork.overlap(a, a)).isEqualTo(1.0);
    assertThat(DemoArtwork.overlap(a, new NormalizedRect(0.5, 0.5, 0.5, 0.5))).isZero();
    // a quarter of a inside b (same size): 1/16 over 7/16
    assertThat(DemoArtwork.overlap(a, new NormalizedRect(0.25, 0.25, 0.5, 0.5)))
        .isCloseTo(1.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void audienceGroupsUseTheCatalogsVocabulary() {
    assertThat(plan.audienceGroups())
        .extracting(DemoPlan.GroupPlan::name)
        .containsExactly("Kids", "Romance fans", "Comedy fans");
    Set<String> vocabulary =
        catalog.keySet().stream().flatMap(e -> tagsOf(e).stream()).collect(Collectors.toSet());
    for (DemoPlan.GroupPlan g : plan.audienceGroups()) {
      assertThat(g.rules()).as(g.name()).isNotEmpty();
      g.rules().stream()
          .flatMap(r -> r.tagAffinities().stream())
          .forEach(t -> assertThat(vocabulary).as(g.name()).contains(key(t.tag())));
    }
  }

  @Test
  void rowsNameExistingEntriesWithArtworkOnce() {
    assertThat(plan.rows())
        .extracting(DemoPlan.RowPlan::name)
        .contains("home-featured", "romance", "comedy", "family")
        .allMatch(n -> n.matches("^[a-z0-9][a-z0-9-]{0,62}$"))
        .doesNotHaveDuplicates();
    for (DemoPlan.RowPlan row : plan.rows()) {
      assertThat(row.entries()).as(row.name()).isNotEmpty().doesNotHaveDuplicates();
      for (String entry : row.entries()) {
        assertThat(plan.artworkOf(entry)).as("%s in %s has artwork", entry, row.name()).isNotNull();
      }
    }
  }

  @Test
  void experimentsCompareVariantsFramedOnTheEntrysFirstImage() {
    assertThat(plan.experiments()).isNotEmpty();
    Set<String> groups =
        plan.audienceGroups().stream().map(DemoPlan.GroupPlan::name).collect(Collectors.toSet());
    for (DemoPlan.ExperimentPlan x : plan.experiments()) {
      assertThat(groups).as(x.name()).contains(x.audienceGroup());
      assertThat(x.arms()).filteredOn(DemoPlan.ArmPlan::control).as(x.name()).hasSize(1);
      assertThat(x.arms()).extracting(DemoPlan.ArmPlan::name).doesNotHaveDuplicates();
      DemoPlan.ImageUse first = plan.artworkOf(x.entry()).images().get(0);
      Set<String> framed =
          first.regions().stream().map(r -> key(r.tag())).collect(Collectors.toSet());
      for (DemoPlan.ArmPlan arm : x.arms()) {
        if (arm.framing() != null) {
          assertThat(framed).as("%s: %s", x.name(), arm.name()).contains(key(arm.framing()));
        }
      }
      x.decisionRule().rule(); // throws on an invalid rule
      assertThat(x.decisionRule().minimumSamplePerArm()).isBetween(50L, 1000L);
    }
  }

  @Test
  void guardrailsGiveKidsSomethingToWatchAndSomethingToBeSparedFrom() {
    int kidsAge = plan.guardrails().ageLimits().kids();
    Set<String> kidsFlags =
        plan.guardrails().maturityFlags().stream()
            .filter(f -> f.blockedFor().contains(ProfileType.KIDS))
            .map(f -> key(f.tag()))
            .collect(Collectors.toSet());
    assertThat(kidsFlags).contains("THEME:horror", "THEME:crime");
    // Some title kids may see has one photograph with flagged regions and one without: the
    // guardrails must pick the second (DemoPageIT checks the page).
    assertThat(plan.artwork())
        .anySatisfy(
            a -> {
              assertThat(minimumAge(a.entry())).isLessThanOrEqualTo(kidsAge);
              assertThat(a.images())
                  .anySatisfy(
                      i -> assertThat(i.regions()).anyMatch(r -> kidsFlags.contains(key(r.tag()))));
              assertThat(a.images())
                  .anySatisfy(
                      i ->
                          assertThat(i.regions()).noneMatch(r -> kidsFlags.contains(key(r.tag()))));
            });
    // and kids-rated titles fill the family row
    DemoPlan.RowPlan family =
        plan.rows().stream().filter(r -> r.name().equals("family")).findFirst().orElseThrow();
    assertThat(family.entries()).allMatch(e -> minimumAge(e) <= kidsAge);
  }

  @Test
  void theGuardrailPolicyIsWellFormed() {
    var draft = plan.guardrails().draft();
    assertThat(draft.teenAgeLimit()).isGreaterThanOrEqualTo(draft.kidsAgeLimit());
    assertThat(draft.maturityFlags())
        .allSatisfy(
            f -> {
              assertThat(f.template()).isNull();
              TagRef.parse(f.tag(), "tag");
              assertThat(f.blockedFor()).isNotEmpty();
            });
    assertThat(draft.regionRules())
        .allSatisfy(
            r -> {
              assertThat(r.cast()).isNotBlank();
              assertThat(r.countries()).isNotEmpty();
            });
  }

  @Test
  void theDeliveryAppTakesTheSimulatorsPace() {
    assertThat(plan.deliveryApp().requestsPerSecond()).isGreaterThanOrEqualTo(500);
    assertThat(plan.deliveryApp().burst())
        .isGreaterThanOrEqualTo(plan.deliveryApp().requestsPerSecond());
  }
}
