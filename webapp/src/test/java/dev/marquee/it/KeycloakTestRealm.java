package dev.marquee.it;

/**
 * What the Keycloak of the OIDC-mode tests knows: docs/keycloak/marquee-realm.json as shipped, with
 * test-only secrets and two extra clients that let the tests obtain tokens Marquee must refuse.
 */
final class KeycloakTestRealm {
  private KeycloakTestRealm() {}

  /** The same value webapp/pom.xml gives the server as MARQUEE_OIDC_CLIENT_SECRET. */
  static final String MARQUEE_SECRET = "it-only-marquee-client-secret";

  static final String AUTOMATION_SECRET = "it-only-automation-secret";

  /** A client of the same realm whose tokens do not name Marquee as their audience. */
  static final String OTHER_APP = "it-other-app";

  /** A client whose access tokens live one second, for expired tokens. */
  static final String SHORT_LIVED = "it-short-lived";

  static final String TEST_CLIENT_SECRET = "it-only-test-client-secret";

  /** The demo users' password in marquee-realm.json (demo only). */
  static final String DEMO_PASSWORD = "demo-only-not-a-secret";

  /** A user of the realm without any Marquee role. */
  static final String OUTSIDER = "it-outsider";

  static int port() {
    return Integer.getInteger("marquee.it.keycloak-port", 18280);
  }

  static String issuer() {
    return "http://127.0.0.1:" + port() + "/realms/marquee";
  }
}
