package dev.marquee.render.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.render.engine.ImageFormat;
import org.junit.jupiter.api.Test;

class AssetNameTest {
  private static final String HASH =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @Test
  void parsesHashAndExtension() {
    AssetName name = AssetName.parse("/" + HASH + ".webp").orElseThrow();
    assertThat(name.key().sha256Hex()).isEqualTo(HASH);
    assertThat(name.format()).isEqualTo(ImageFormat.WEBP);
    assertThat(AssetName.parse("/" + HASH + ".jpg").orElseThrow().format())
        .isEqualTo(ImageFormat.JPEG);
  }

  @Test
  void refusesAnythingElse() {
    for (String path :
        new String[] {
          null,
          "",
          "/",
          HASH + ".jpg",
          "/" + HASH,
          "/" + HASH + ".",
          "/" + HASH + ".jpeg",
          "/" + HASH + ".JPG",
          "/" + HASH + ".gif",
          "/" + HASH + ".jpg.png",
          "/" + HASH.toUpperCase() + ".jpg",
          "/../" + HASH + ".jpg",
          "/a/" + HASH + ".jpg"
        }) {
      assertThat(AssetName.parse(path)).as(String.valueOf(path)).isEmpty();
    }
  }
}
