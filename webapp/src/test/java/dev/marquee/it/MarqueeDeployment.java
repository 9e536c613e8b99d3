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
}
