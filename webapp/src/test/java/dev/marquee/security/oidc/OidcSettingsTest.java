package dev.marquee.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wildfly.security.http.oidc.OidcJsonConfiguration;

class OidcSettingsTest {
  private static final Map<String, String> MINIMAL =
      Map.of(
          "marquee.oidc.provider-url", "https://sso.example.com/realms/marquee",
          "marquee.oidc.client-secret", "s3cret-value");

  private static OidcSettings settings(Map<String, String> values) {
    return OidcSettings.from(key -> Optional.ofNullable(values.get(key)));
  }

  @Test
  void browserUsesPkceAndApiIsBearerOnlyBothCheckingAudienceAndRealmRoles() {
    OidcSettings s = settings(MINIMAL);
    OidcJsonConfiguration browser = s.browser();
    OidcJsonConfiguration api = s.bearerOnly();
    assertThat(browser.isPkce()).isTrue();
    assertThat(browser.isBearerOnly()).isFalse();
    assertThat(api.isBearerOnly()).isTrue();
    for (OidcJsonConfiguration c : new OidcJsonConfiguration[] {browser, api}) {
      assertThat(c.getProviderUrl()).isEqualTo("https://sso.example.com/realms/marquee");
      assertThat(c.getClientId()).isEqualTo("marquee");
      assertThat(c.isVerifyTokenAudience()).isTrue();
      assertThat(c.isUseRealmRoleMappings()).isTrue();
      assertThat(c.isUseResourceRoleMappings()).isFalse();
      assertThat(c.getPrincipalAttribute()).isEqualTo("preferred_username");
      assertThat(c.getSslRequired()).isEqualTo("external");
      assertThat(c.getCredentials()).containsEntry("secret", "s3cret-value");
    }
  }

  @Test
  void missingProviderOrSecretNamesTheEnvironmentVariable() {
    assertThatThrownBy(() -> settings(Map.of("marquee.oidc.client-secret", "x")))
        .hasMessageContaining("MARQUEE_OIDC_PROVIDER_URL");
    assertThatThrownBy(
            () ->
                settings(
                    Map.of(
                        "marquee.oidc.provider-url", "https://sso.example.com/realms/marquee",
                        "marquee.oidc.client-secret", " ")))
        .hasMessageContaining("MARQUEE_OIDC_CLIENT_SECRET");
  }

  @Test
  void neverPrintsTheSecret() {
    assertThat(settings(MINIMAL).toString()).doesNotContain("s3cret-value");
  }

  @Test
  void onlyTheAdminUiIsABrowserPath() {
    assertThat(AdminPaths.isBrowserPath("/admin")).isTrue();
    assertThat(AdminPaths.isBrowserPath("/admin/session")).isTrue();
    assertThat(AdminPaths.isBrowserPath("/administrator")).isFalse();
    assertThat(AdminPaths.isBrowserPath("/api/v1/entries")).isFalse();
    assertThat(AdminPaths.isBrowserPath(null)).isFalse();
  }
}
