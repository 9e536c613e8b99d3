package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The /demo page in a real headless Chromium (Debian's chromium and chromium-driver) against the
 * embedded mode with its demo data, as a newcomer sees it: a kids profile is shown no artwork the
 * guardrails flag, a romance fan's rows show images that load, and a click on experiment artwork
 * arrives at the experiment's counts. Runs in the Failsafe execution {@code integration-test-demo}
 * (its own server with demo data on an empty H2 database); screenshots go to {@code
 * target/demo-screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoPageIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "demo-screenshots");

  /** Generous bounds for a busy machine; nothing here measures time. */
  static final Duration DEMO_READY = Duration.ofMinutes(5);

  static final Duration PAGE = Duration.ofSeconds(60);

  static final String DEPLOYMENT = "demo";

  /** Deployed by the tests themselves, so that the last one can restart the application. */
  @Deployment(name = DEPLOYMENT, managed = false, testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource Deployer deployer;

  static boolean deployed;
  static WebDriver browser;
  static ChromeDriverService driverService;

  @BeforeAll
  static void startChromium() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "DemoPageIT needs Debian's Chromium: apt-get install -y chromium chromium-driver"
            + " (.ci/run installs both, so CI always runs this test)");
    Files.createDirectories(SCREENSHOTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1100",
        "--user-data-dir=" + Files.createTempDirectory("marquee-chromium-").toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driverService =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(driverService, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  /** The context root is "/" (jboss-web.xml), on the test server's port offset. */
  final URL base = baseUrl();

  private static URL baseUrl() {
    try {
      return new URL(
          "http://127.0.0.1:" + (8080 + Integer.getInteger("marquee.it.port-offset", 100)) + "/");
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void deployOnce() {
    if (!deployed) {
      deployer.deploy(DEPLOYMENT);
      deployed = true;
    }
  }

  @AfterAll
  static void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
    if (driverService != null) {
      driverService.stop();
    }
  }

  private ApiClient as(String user) {
    return ApiClient.anonymous(base).as(user);
  }

  /** The demo is prepared in the background after start-up; the page says so meanwhile. */
  private JsonNode awaitDemoReady() throws InterruptedException {
    Instant deadline = Instant.now().plus(DEMO_READY);
    while (true) {
      ApiClient.Reply reply = ApiClient.anonymous(base).get("demo/config.json");
      Assumptions.assumeTrue(
          reply.status() != 404,
          "this server runs without the demo (DemoPageIT runs in the integration-test-demo"
              + " execution, which starts one with demo data)");
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
      JsonNode config = reply.json();
      assertThat(config.path("state").asText()).as("%s", config).isNotEqualTo("FAILED");
      if (config.path("state").asText().equals("READY")) {
        return config;
      }
      assertThat(Instant.now()).as("the demo is still %s", config).isBefore(deadline);
      Thread.sleep(500);
    }
  }

  private void open() throws Exception {
    awaitDemoReady();
    browser.get(new URL(base, "demo/").toString());
  }

  /** Picks a profile and waits until every row shows the answer for that profile's group. */
  private void choose(String profile, String expectedGroup) {
    browser.findElement(By.cssSelector("[data-testid=profile-" + profile + "]")).click();
    new WebDriverWait(browser, PAGE)
        .withMessage(() -> "rows for " + profile + ": " + pageState())
        .until(
            d -> {
              String group =
                  d.findElement(By.cssSelector("[data-testid=audience-group]")).getText();
              List<WebElement> rows = d.findElements(By.cssSelector("section.row"));
              return group.contains(expectedGroup)
                  && !rows.isEmpty()
                  && rows.stream().allMatch(r -> "loaded".equals(r.getAttribute("data-state")));
            });
  }

  private String pageState() {
    try {
      return browser.findElement(By.tagName("body")).getText();
    } catch (RuntimeException e) {
      return e.toString();
    }
  }

  private record Tile(
      String row,
      String entryId,
      String variantId,
      String status,
      String experimentId,
      String armId) {}

  private List<Tile> tiles() {
    List<Tile> tiles = new ArrayList<>();
    for (WebElement row : browser.findElements(By.cssSelector("section.row"))) {
      String name = row.getAttribute("data-testid").substring("row-".length());
      for (WebElement tile : row.findElements(By.cssSelector("[data-testid=tile]"))) {
        tiles.add(
            new Tile(
                name,
                tile.getAttribute("data-entry-id"),
                tile.getAttribute("data-variant-id"),
                tile.getAttribute("data-status"),
                tile.getAttribute("data-experiment-id"),
                tile.getAttribute("data-arm-id")));
      }
    }
    return tiles;
  }

  private void screenshot(String name) throws IOException {
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * The tags a variant carries for the guardrails: its framing tag and every region tag of its
   * image.
   */
  private Set<String> tagsCarriedBy(String variantId) {
    ApiClient editor = as("editor");
    JsonNode variant = editor.get("api/v1/variants/" + variantId).json();
    String entryId = variant.path("entryId").asText();
    Map<String, String> entryTags = new HashMap<>();
    for (JsonNode tag : editor.get("api/v1/entries/" + entryId).json().path("tags")) {
      entryTags.put(
          tag.path("tagId").asText(),
          tag.path("kind").asText() + ":" + tag.path("value").asText().toLowerCase());
    }
    Set<String> carried = new HashSet<>();
    if (variant.hasNonNull("tagId")) {
      carried.add(entryTags.get(variant.path("tagId").asText()));
    }
    for (JsonNode region :
        editor
            .get("api/v1/images/" + variant.path("imageId").asText() + "/regions")
            .json()
            .path("items")) {
      carried.add(region.path("kind").asText() + ":" + region.path("value").asText().toLowerCase());
    }
    return carried;
  }

  @Test
  @Order(1)
  void aKidsProfileIsShownNoArtworkTheGuardrailsFlag() throws Exception {
    open();
    choose("kids", "Kids");
    screenshot("kids");

    JsonNode policy = as("editor").get("api/v1/guardrails").json();
    int kidsAge = policy.path("ageLimits").path("kids").asInt();
    Set<String> flagged = new HashSet<>();
    for (JsonNode flag : policy.path("maturityFlags")) {
      for (JsonNode who : flag.path("blockedFor")) {
        if (who.asText().equals("KIDS") && flag.hasNonNull("tag")) {
          String tag = flag.path("tag").asText();
          int colon = tag.indexOf(':');
          flagged.add(tag.substring(0, colon) + ":" + tag.substring(colon + 1).toLowerCase());
        }
      }
    }
    assertThat(flagged).as("the demo's guardrails flag horror for kids").contains("THEME:horror");

    List<Tile> shown = tiles().stream().filter(t -> t.status().equals("OK")).toList();
    assertThat(shown).as("kids see artwork").isNotEmpty();
    Set<String> titlesWithFlaggedArtwork = new HashSet<>();
    for (Tile tile : shown) {
      JsonNode entry = as("editor").get("api/v1/entries/" + tile.entryId()).json();
      assertThat(entry.path("maturityRating").path("minimumAge").asInt())
          .as("%s is rated for kids", entry.path("title").asText())
          .isLessThanOrEqualTo(kidsAge);
      assertThat(tagsCarriedBy(tile.variantId()))
          .as("artwork %s of %s", tile.variantId(), entry.path("title").asText())
          .doesNotContainAnyElementsOf(flagged);
      // does this title have artwork kids must not see? then the guardrails picked another one
      for (JsonNode v :
          as("editor").get("api/v1/entries/" + tile.entryId() + "/variants").json().path("items")) {
        Set<String> carried = tagsCarriedBy(v.path("id").asText());
        carried.retainAll(flagged);
        if (!carried.isEmpty()) {
          titlesWithFlaggedArtwork.add(entry.path("title").asText());
        }
      }
    }
    assertThat(titlesWithFlaggedArtwork)
        .as("a title shown to kids also has flagged artwork, which they were spared")
        .contains("The Little Shop of Horrors");
    assertThat(browserProblems()).isEmpty();
  }

  @Test
  @Order(2)
  void aRomanceFanSeesArtworkThatLoadsAndAClickArrivesAtTheExperiment() throws Exception {
    open();
    choose("romance-fan", "Romance fans");

    JavascriptExecutor js = (JavascriptExecutor) browser;
    new WebDriverWait(browser, PAGE)
        .withMessage("every artwork image loads")
        .until(
            d ->
                (Boolean)
                    js.executeScript(
                        "const imgs = [...document.querySelectorAll('[data-testid=tile] img')];"
                            + " return imgs.length > 0 && imgs.every(i => i.complete);"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> images =
        (List<Map<String, Object>>)
            js.executeScript(
                "return [...document.querySelectorAll('[data-testid=tile] img')].map(i =>"
                    + " ({src: i.currentSrc, width: i.naturalWidth, height: i.naturalHeight}));");
    assertThat(images).hasSizeGreaterThanOrEqualTo(8);
    assertThat(images)
        .allSatisfy(
            i -> {
              assertThat(((Number) i.get("width")).intValue()).as("%s", i).isGreaterThan(0);
              assertThat(i.get("src").toString()).as("%s", i).contains("/assets/");
            });
    assertThat(browser.findElements(By.cssSelector("[data-testid=source-badge]"))).isNotEmpty();
    screenshot("romance-fan");

    Tile tracked =
        tiles().stream()
            .filter(t -> !t.experimentId().isEmpty())
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no experiment artwork for a romance fan: " + tiles()));
    long clicksBefore = clicks(tracked);

    WebElement tile =
        browser.findElement(
            By.cssSelector(
                "[data-testid=tile][data-variant-id='" + tracked.variantId() + "'] button"));
    js.executeScript("arguments[0].scrollIntoView({block: 'center'});", tile);
    tile.click();
    new WebDriverWait(browser, PAGE)
        .until(d -> !d.findElements(By.cssSelector("[data-testid=artwork-dialog]")).isEmpty());
    screenshot("romance-fan-clicked");

    WebElement status = browser.findElement(By.cssSelector("[data-testid=event-status]"));
    new WebDriverWait(browser, PAGE)
        .withMessage(() -> "events sent: " + status.getText() + " " + status.getAttribute("title"))
        .until(
            d ->
                "0".equals(status.getAttribute("data-waiting"))
                    && Integer.parseInt(status.getAttribute("data-accepted")) >= 2);
    assertThat(status.getAttribute("data-rejected")).isEqualTo("0");
    assertThat(status.getAttribute("data-failed")).isEqualTo("0");

    assertThat(clicks(tracked))
        .as("the click counted in the experiment's results")
        .isEqualTo(clicksBefore + 1);
    assertThat(browserProblems()).isEmpty();
  }

  @Test
  @Order(3)
  void aRestartWithTheDemoDatabaseChangesNothing() throws Exception {
    String key = awaitDemoReady().path("apiKey").asText();
    int audited = auditEventsByTheDemoLoader();
    assertThat(audited).as("the demo was set up through the audited services").isGreaterThan(50);

    deployer.undeploy(DEPLOYMENT);
    deployer.deploy(DEPLOYMENT);
    try {
      JsonNode again = awaitDemoReady();
      assertThat(again.path("apiKey").asText())
          .as("the same key, read from its file")
          .isEqualTo(key);
      assertThat(again.path("experiments")).hasSize(2);
      assertThat(auditEventsByTheDemoLoader()).as("no step ran again").isEqualTo(audited);
    } finally {
      // the last test: leave the server as the suite found it
      deployer.undeploy(DEPLOYMENT);
      deployed = false;
    }
  }

  private int auditEventsByTheDemoLoader() {
    int count = 0;
    String cursor = null;
    do {
      JsonNode page =
          as("administrator")
              .get(
                  "api/v1/audit-events?actor=demo-loader&limit=200"
                      + (cursor == null ? "" : "&cursor=" + cursor))
              .json();
      count += page.path("items").size();
      cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
    } while (cursor != null);
    return count;
  }

  /** Clicks the experiment counted for the tile's arm (management API, as an experimenter). */
  private long clicks(Tile tile) {
    ApiClient.Reply results =
        as("experimenter").get("api/v1/experiments/" + tile.experimentId() + "/results");
    assertThat(results.status()).as("%s", results).isEqualTo(200);
    for (JsonNode arm : results.json().path("pooled").path("arms")) {
      if (arm.path("armId").asText().equals(tile.armId())) {
        return arm.path("clicks").asLong();
      }
    }
    return 0;
  }

  /** Console errors and CSP violations the page caused. */
  private List<String> browserProblems() {
    List<String> problems = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
          || entry.getMessage().contains("Content Security Policy")) {
        problems.add(entry.getMessage());
      }
    }
    return problems;
  }
}
