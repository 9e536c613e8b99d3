package dev.marquee.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment every integration test uses: the WAR this build produced (exactly what users run),
 * plus the test data loader.
 */
public final class MarqueeDeployment {
  private MarqueeDeployment() {}

  public static WebArchive war() {
    File war = new File(System.getProperty("marquee.test.war", "target/marquee.war"));
    return ShrinkWrap.createFromZipFile(WebArchive.class, war).addClasses(TestAccounts.class);
  }

  /**
   * The WAR plus two test region suggesters (extensions, as a host would add): a deterministic one
   * and one that always fails, so suggestions and the failure isolation are testable end to end.
   */
  public static WebArchive withSuggesters() {
    return war().addClasses(CentreThirdFaceSuggester.class, FailingSuggester.class);
  }
}
