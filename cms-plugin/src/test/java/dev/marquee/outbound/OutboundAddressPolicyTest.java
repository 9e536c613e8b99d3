package dev.marquee.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ranges from the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890). */
class OutboundAddressPolicyTest {
  private final OutboundAddressPolicy strict = new OutboundAddressPolicy(List.of());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "::1", // loopback
        "0.0.0.0",
        "::",
        "0.1.2.3", // unspecified, "this network"
        "169.254.169.254",
        "fe80::1", // link-local, incl. the cloud metadata endpoint
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1", // RFC 1918
        "100.64.0.1",
        "198.18.0.1",
        "192.0.0.8",
        "255.255.255.255",
        "224.0.0.1", // CGNAT etc.
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "2001:db8::1",
        "64:ff9b::a00:1", // IPv6 special
        "::ffff:10.0.0.1",
        "::ffff:127.0.0.1",
        "::10.0.0.1" // IPv4-mapped / compatible
      })
  void refusesNonPublicAddresses(String address) throws Exception {
    assertThat(strict.refusal(InetAddress.getByName(address))).as(address).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "93.184.215.14", "172.32.0.1", "2606:4700::1111"})
  void allowsPublicAddresses(String address) throws Exception {
    assertThat(strict.refusal(InetAddress.getByName(address))).as(address).isEmpty();
  }

  @Test
  void operatorCanOpenANetworkExplicitly() throws Exception {
    OutboundAddressPolicy internalCms =
        new OutboundAddressPolicy(List.of(Network.parse("10.20.0.0/16")));
    assertThat(internalCms.refusal(InetAddress.getByName("10.20.3.4"))).isEmpty();
    assertThat(internalCms.refusal(InetAddress.getByName("10.21.3.4"))).contains("private address");
  }

  @Test
  void networksParseOnlyIpLiterals() {
    assertThat(Network.parse("192.168.0.0/16").contains(addr("192.168.200.1"))).isTrue();
    assertThat(Network.parse("192.168.0.0/17").contains(addr("192.168.200.1"))).isFalse();
    assertThat(Network.parse("10.0.0.7").contains(addr("10.0.0.7"))).isTrue();
    assertThatThrownBy(() -> Network.parse("example.com/8"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Network.parse("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static InetAddress addr(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
