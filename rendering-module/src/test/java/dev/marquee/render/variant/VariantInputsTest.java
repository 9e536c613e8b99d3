package dev.marquee.render.variant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.render.engine.NormalizedRect;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VariantInputsTest {
  private static final UUID ENTRY = UUID.randomUUID();
  private static final UUID IMAGE = UUID.randomUUID();
  private static final UUID TAG = UUID.randomUUID();
  private static final String SOURCE = "a".repeat(64);
  private static final String DEFINITION = "b".repeat(64);

  private static VariantInputs inputs(
      NormalizedRect region, int version, String definition, Map<String, String> texts) {
    return new VariantInputs(ENTRY, IMAGE, SOURCE, TAG, region, "hero", version, definition, texts);
  }

  @Test
  void equalInputsGiveEqualKeysWhateverTheTextOrder() {
    Map<String, String> one = new LinkedHashMap<>();
    one.put("title", "Kill Bill");
    one.put("subtitle", "Volume 1");
    Map<String, String> other = new LinkedHashMap<>();
    other.put("subtitle", "Volume 1");
    other.put("title", "Kill Bill");
    NormalizedRect region = new NormalizedRect(0.1, 0.2, 0.3, 0.4);
    assertThat(inputs(region, 1, DEFINITION, one).identityKey())
        .isEqualTo(
            inputs(new NormalizedRect(0.1, 0.2, 0.3, 0.4), 1, DEFINITION, other).identityKey())
        .hasSize(64);
  }

  @Test
  void everyInputChangesTheKey() {
    NormalizedRect region = new NormalizedRect(0.1, 0.2, 0.3, 0.4);
    Map<String, String> texts = Map.of("title", "Kill Bill");
    String key = inputs(region, 1, DEFINITION, texts).identityKey();
    assertThat(inputs(new NormalizedRect(0.1, 0.2, 0.3, 0.41), 1, DEFINITION, texts).identityKey())
        .isNotEqualTo(key);
    assertThat(inputs(null, 1, DEFINITION, texts).identityKey()).isNotEqualTo(key);
    assertThat(inputs(region, 2, DEFINITION, texts).identityKey()).isNotEqualTo(key);
    assertThat(inputs(region, 1, "c".repeat(64), texts).identityKey()).isNotEqualTo(key);
    assertThat(inputs(region, 1, DEFINITION, Map.of("title", "Kill Bill 2")).identityKey())
        .isNotEqualTo(key);
  }

  @Test
  void textsRoundTripThroughTheirStoredForm() {
    Map<String, String> texts = Map.of("title", "Крёстный отец", "badge", "NEW");
    assertThat(VariantInputs.parseTexts(VariantInputs.textsJson(texts))).isEqualTo(texts);
  }
}
