package dev.marquee.render.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeliveryPresetsTest {

  @Test
  void parsesNamedWidthsInOrder() {
    DeliveryPresets presets = DeliveryPresets.parse(" thumb=160, small=342 ,tv-4k=3840");

    assertThat(presets.widths())
        .containsExactly(
            java.util.Map.entry("thumb", 160),
            java.util.Map.entry("small", 342),
            java.util.Map.entry("tv-4k", 3840));
    assertThat(presets.width("small")).contains(342);
    assertThat(presets.width("medium")).isEmpty();
  }

  @Test
  void blankMeansNoPresets() {
    assertThat(DeliveryPresets.parse("  ").widths()).isEmpty();
    assertThat(DeliveryPresets.parse(null).widths()).isEmpty();
  }

  @Test
  void badItemsAreNamed() {
    assertThatThrownBy(() -> DeliveryPresets.parse("thumb=160,Small=342"))
        .hasMessageContaining("'Small=342'");
    assertThatThrownBy(() -> DeliveryPresets.parse("thumb"))
        .hasMessageContaining("'thumb' is not name=width");
    assertThatThrownBy(() -> DeliveryPresets.parse("thumb=wide"))
        .hasMessageContaining("'thumb' has no whole width");
    assertThatThrownBy(() -> DeliveryPresets.parse("huge=5000"))
        .hasMessageContaining("width must be 16..4096, was 5000");
    assertThatThrownBy(() -> DeliveryPresets.parse("a=100,a=200"))
        .hasMessageContaining("'a' is defined twice");
    assertThatThrownBy(() -> DeliveryPresets.parse("../x=100"))
        .hasMessageContaining("is not name=width");
  }
}
