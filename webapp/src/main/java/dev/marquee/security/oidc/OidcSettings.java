package dev.marquee.security.oidc;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.wildfly.security.http.oidc.OidcJsonConfiguration;

/**
 * The OpenID provider settings an operator gives as environment variables ({@code
 * MARQUEE_OIDC_PROVIDER_URL}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET}, …), turned into the two
 * client configurations Marquee uses: a browser session for the admin UI and bearer-only for the
 * API.
 */
record OidcSettings(
    String providerUrl,
    String clientId,
    String clientSecret,
    String principalAttribute,
    String sslRequired) {

  /** From MicroProfile Config keys {@code marquee.oidc.*} (a lookup, so tests need no server). */
  static OidcSettings from(Function<String, Optional<String>> config) {
    String providerUrl = required(config, "marquee.oidc.provider-url");
    String clientSecret = required(config, "marquee.oidc.client-secret");
    return new OidcSettings(
        providerUrl,
        config.apply("marquee.oidc.client-id").orElse("marquee"),
        clientSecret,
        config.apply("marquee.oidc.principal-attribute").orElse("preferred_username"),
        config.apply("marquee.oidc.ssl-required").orElse("external"));
  }

  private static String required(Function<String, Optional<String>> config, String key) {
    return config
        .apply(key)
        .filter(v -> !v.isBlank())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Single sign-on (MARQUEE_AUTH_METHOD=OIDC) needs "
                        + key.toUpperCase().replace('.', '_').replace('-', '_')));
  }

  /** Authorization code flow with PKCE and a server-side session (the admin UI). */
  OidcJsonConfiguration browser() {
    OidcJsonConfiguration json = common();
    json.setPkce(true);
    return json;
  }

  /**
   * Bearer tokens only: a request without a valid token is answered 401, never redirected to the
   * login page (automation, publishing workflows, the admin UI's own API calls).
   */
  OidcJsonConfiguration bearerOnly() {
    OidcJsonConfiguration json = common();
    json.setBearerOnly(true);
    return json;
  }

  private OidcJsonConfiguration common() {
    OidcJsonConfiguration json = new OidcJsonConfiguration();
    json.setProviderUrl(providerUrl);
    json.setClientId(clientId);
    json.setCredentials(Map.of("secret", clientSecret));
    json.setPrincipalAttribute(principalAttribute);
    json.setSslRequired(sslRequired);
    // Tokens must name Marquee in "aud": a token issued to another client of the same realm is
    // refused (the realm's audience mapper adds it, docs/keycloak/marquee-realm.json).
    json.setVerifyTokenAudience(true);
    // Keycloak realm roles (realm_access.roles) are Marquee's roles, one to one.
    json.setUseRealmRoleMappings(true);
    json.setUseResourceRoleMappings(false);
    return json;
  }

  @Override
  public String toString() {
    // Never print the secret.
    return "OidcSettings[providerUrl=" + providerUrl + ", clientId=" + clientId + "]";
  }
}
