package dev.marquee.delivery.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {
  private final ApiKeyFormat format = new ApiKeyFormat(new SecureRandom());

  @Test
  void generatedKeysHaveTheDocumentedShapeAndParseBack() {
    PresentedKey key = format.generate();

    assertThat(key.value())
        .hasSize(ApiKeyFormat.LENGTH)
        .matches("mqk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}")
        .startsWith(key.prefix() + "_");
    assertThat(ApiKeyFormat.parse(key.value())).contains(key);
    assertThat(key.toString()).doesNotContain(key.value().substring(21));
  }

  @Test
  void secretsCarry256BitsAndDoNotRepeat() {
    assertThat(ApiKeyFormat.SECRET_BYTES * 8).isEqualTo(256);
    Set<String> seen = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      PresentedKey key = format.generate();
      seen.add(key.value());
      ids.add(key.keyId());
    }
    assertThat(seen).hasSize(1000);
    assertThat(ids).hasSize(1000);
  }

  @Test
  void secretsMayContainTheSeparatorAndStillParse() {
    String key = "mqk_0123456789abcdef_" + "_-".repeat(21) + "A";
    assertThat(ApiKeyFormat.parse(key))
        .get()
        .extracting(PresentedKey::keyId)
        .isEqualTo("0123456789abcdef");
  }

  @Test
  void anythingElseIsRejectedWithoutFuss() {
    String good = format.generate().value();
    assertThat(ApiKeyFormat.parse(null)).isEmpty();
    assertThat(ApiKeyFormat.parse("")).isEmpty();
    assertThat(ApiKeyFormat.parse(good.substring(4))).as("no prefix").isEmpty();
    assertThat(ApiKeyFormat.parse("xyz_" + good.substring(4))).as("other prefix").isEmpty();
    assertThat(ApiKeyFormat.parse(good + "A")).as("too long").isEmpty();
    assertThat(ApiKeyFormat.parse(good.substring(0, good.length() - 1))).as("too short").isEmpty();
    assertThat(ApiKeyFormat.parse("x".repeat(10_240))).as("10 KB").isEmpty();
    assertThat(ApiKeyFormat.parse(good.substring(0, 30) + "é" + good.substring(31)))
        .as("non-ASCII")
        .isEmpty();
    assertThat(ApiKeyFormat.parse(good.substring(0, 4) + "ABCDEF" + good.substring(10)))
        .as("upper-case key id")
        .isEmpty();
    assertThat(ApiKeyFormat.parse(good.substring(0, 20) + "." + good.substring(21)))
        .as("no separator")
        .isEmpty();
    assertThat(ApiKeyFormat.parse(good.substring(0, 30) + " " + good.substring(31)))
        .as("space in the secret")
        .isEmpty();
  }

  @Test
  void hashesAreSha256HexAndCompareOnlyEqualKeys() {
    String key = format.generate().value();
    String other = format.generate().value();
    String hash = ApiKeyHash.of(key);

    assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(ApiKeyHash.of(key));
    // SHA-256("abc"), the FIPS 180-2 test vector
    assertThat(ApiKeyHash.of("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(ApiKeyHash.matches(key, hash)).isTrue();
    assertThat(ApiKeyHash.matches(other, hash)).isFalse();
    assertThat(ApiKeyHash.matches(key, hash.substring(1))).as("length differs").isFalse();
    assertThat(ApiKeyHash.matches(key, null)).isFalse();
    assertThat(ApiKeyHash.matches(key, "")).isFalse();
  }
}
