package dev.marquee.security.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {
  private static String basic(String userAndPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheUserNameOnly() {
    assertThat(BasicCredentials.username(basic("erin:pa:ss"))).isEqualTo("erin");
    assertThat(BasicCredentials.username(basic("Zoë:x"))).isEqualTo("Zoë");
    assertThat(BasicCredentials.username("basic " + basic("erin:x").substring(6)))
        .isEqualTo("erin");
  }

  @Test
  void malformedBasicCredentialsHaveNoUserName() {
    for (String header :
        new String[] {"Basic", "Basic ", "Basic !!!", basic("no-colon"), basic(":x")}) {
      assertThat(BasicCredentials.isBasic(header)).as(header).isTrue();
      assertThat(BasicCredentials.username(header)).as(header).isNull();
    }
  }

  @Test
  void otherSchemesAreNotBasic() {
    for (String header : new String[] {null, "Bearer abc", "Basically", "ApiKey x", ""}) {
      assertThat(BasicCredentials.isBasic(header)).as(header).isFalse();
      assertThat(BasicCredentials.username(header)).as(header).isNull();
    }
  }

  @Test
  void overlongNamesShareOneEntry() {
    assertThat(BasicCredentials.username(basic("x".repeat(101) + ":p")))
        .isEqualTo(BasicCredentials.OVERLONG);
    assertThat(BasicCredentials.username("Basic " + "A".repeat(5000)))
        .isEqualTo(BasicCredentials.OVERLONG);
  }
}
