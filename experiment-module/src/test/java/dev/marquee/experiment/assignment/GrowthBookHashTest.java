package dev.marquee.experiment.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * References: GrowthBook cross-SDK test cases ({@code packages/sdk-js/test/cases.json}, sections
 * {@code hash} and {@code inNamespace}) and the FNV-1a published test vectors (Fowler/Noll/Vo).
 * Every value was re-computed with this Python 3 port, which iterates UTF-16 code units:
 *
 * <pre>
 * def fnv(s):
 *   h=0x811c9dc5; b=s.encode('utf-16-le')
 *   for i in range(0,len(b),2): h^=b[i]|(b[i+1]<<8); h=(h*0x01000193)&0xffffffff
 *   return h
 * def gbhash(seed,value,v):
 *   return (fnv(value+seed)%1000)/1000 if v==1 else (fnv(str(fnv(seed+value)))%10000)/10000
 * </pre>
 */
class GrowthBookHashTest {

  @Test
  void fnv1aMatchesPublishedTestVectors() {
    // FNV-1a 32 test vectors: "" -> 0x811c9dc5, "a" -> 0xe40c292c, "foobar" -> 0xbf9cf968
    assertThat(GrowthBookHash.fnv1a32("")).isEqualTo(0x811c9dc5);
    assertThat(GrowthBookHash.fnv1a32("a")).isEqualTo(0xe40c292c);
    assertThat(GrowthBookHash.fnv1a32("foobar")).isEqualTo(0xbf9cf968);
  }

  @ParameterizedTest(name = "hash({0}, {1}, v{2}) = {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        // GrowthBook cases.json "hash" (seed | value | version | expected)
        "~~|a|1|0.22",
        "~~|b|1|0.077",
        "b|a|1|0.946",
        "~~|ab|1|0.946",
        "~~|def|1|0.652",
        "~~|8952klfjas09ujkasdf|1|0.549",
        "~~|123|1|0.011",
        "~~|___)((*\":&|1|0.563",
        "seed|a|2|0.0505",
        // further v2 values, Python port above: gbhash(seed, value, 2)
        "seed|b|2|0.2696",
        "foo|ab|2|0.2575",
        "~~|a|2|0.0216",
        "~~|123|2|0.4547",
        // non-ASCII, Python port above (UTF-16 code units; the emoji is a surrogate pair)
        "~~|ümlaut|1|0.896",
        "~~|ümlaut|2|0.5593",
        "exp-1|viewer-😀|1|0.772",
        "exp-1|viewer-😀|2|0.7695",
        "naïve|日本語|2|0.7888",
      })
  void hashMatchesGrowthBookCases(String seed, String value, int version, double expected) {
    assertThat(GrowthBookHash.hash(seed, value, version)).isEqualTo(expected);
  }

  @Test
  void unsupportedVersionIsNaNAndEnrolsNobody() {
    // cases.json: ["abc", "def", 99, null]
    double n = GrowthBookHash.hash("abc", "def", 99);
    assertThat(n).isNaN();
    assertThat(BucketRanges.chooseVariation(n, BucketRanges.of(2, 1, null))).isEqualTo(-1);
  }

  @ParameterizedTest(name = "viewer {0} in {1}[{2},{3}) = {4}")
  @CsvSource({
    // GrowthBook cases.json "inNamespace"; Python: gbhash("__namespace1", "1", 1) = 0.68, ...
    "1, namespace1, 0, 0.4, false",
    "1, namespace1, 0.4, 1, true",
    "1, namespace2, 0, 0.4, false",
    "1, namespace2, 0.4, 1, true",
    "2, namespace1, 0, 0.4, false",
    "2, namespace1, 0.4, 1, true",
    "2, namespace2, 0, 0.4, false",
    "2, namespace2, 0.4, 1, true",
    "3, namespace1, 0, 0.4, false",
    "3, namespace1, 0.4, 1, true",
    "3, namespace2, 0, 0.4, true",
    "3, namespace2, 0.4, 1, false",
    "4, namespace1, 0, 0.4, false",
    "4, namespace1, 0.4, 1, true",
    "4, namespace2, 0, 0.4, true",
    "4, namespace2, 0.4, 1, false",
  })
  void inNamespaceMatchesGrowthBookCases(
      String viewer, String ns, double start, double end, boolean expected) {
    assertThat(GrowthBookHash.inNamespace(viewer, new Namespace(ns, start, end)))
        .isEqualTo(expected);
  }
}
