package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.render.facedetection.FaceRegionSuggester;
import dev.marquee.render.suggest.RegionSuggester;
import dev.marquee.render.suggest.RegionSuggestion;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: the built-in face detector is a {@link RegionSuggester} bean, its native OpenCV
 * libraries load inside WildFly's module class loading, and it finds the astronaut's face.
 */
@ExtendWith(ArquillianExtension.class)
class FaceDetectionIT {
  static final String ASTRONAUT = "face-detection/astronaut.png";

  @Deployment
  static WebArchive deployment() {
    Path testdata = Path.of(System.getProperty("marquee.testdata", "../../shared/testdata/images"));
    return MarqueeDeployment.war()
        .addAsResource(testdata.resolve("astronaut.png").toFile(), ASTRONAUT)
        .addAsLibraries(jarOf(Assertions.class));
  }

  private static File jarOf(Class<?> type) {
    return new File(type.getProtectionDomain().getCodeSource().getLocation().getPath());
  }

  @Inject Instance<RegionSuggester> suggesters;

  @Test
  void theBuiltInFaceSuggesterIsABeanWhoseNativesLoadInTheServer() {
    List<RegionSuggester> builtIn =
        suggesters.stream().filter(s -> s instanceof FaceRegionSuggester).toList();

    assertThat(builtIn).hasSize(1);
    assertThat(((FaceRegionSuggester) builtIn.get(0)).available()).isTrue();
  }

  @Test
  void suggestersFindTheAstronautsFace() throws IOException {
    BufferedImage astronaut;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(ASTRONAUT)) {
      assertThat(in).as(ASTRONAUT).isNotNull();
      astronaut = ImageIO.read(in);
    }

    List<RegionSuggestion> faces =
        suggesters.stream().flatMap(s -> s.suggest(astronaut).stream()).toList();

    assertThat(faces)
        .filteredOn(f -> f.kind().equals("FACE") && f.confidence() >= 0.5)
        .singleElement()
        .satisfies(
            face -> {
              // Eileen Collins' face centre, about (226, 127) of 512×512.
              assertThat(face.rect().x()).isLessThan(226 / 512.0);
              assertThat(face.rect().x() + face.rect().width()).isGreaterThan(226 / 512.0);
              assertThat(face.rect().y()).isLessThan(127 / 512.0);
              assertThat(face.rect().y() + face.rect().height()).isGreaterThan(127 / 512.0);
            });
  }
}
