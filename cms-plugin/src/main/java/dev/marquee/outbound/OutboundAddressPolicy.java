package dev.marquee.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Decides which addresses Marquee may connect to when it fetches a URL someone else chose (webhook
 * subscriptions, image import by URL): public unicast addresses only, unless an operator allows a
 * network explicitly. This keeps a management user from turning Marquee into a proxy into the
 * server's own network (SSRF), e.g. to a cloud metadata endpoint or an admin console on loopback.
 */
public final class OutboundAddressPolicy {
  /** Non-public ranges beyond what {@link InetAddress}'s own predicates cover. */
  private static final List<Network> NON_PUBLIC =
      List.of(
          Network.parse("0.0.0.0/8"), // "this network"
          Network.parse("100.64.0.0/10"), // carrier-grade NAT
          Network.parse("192.0.0.0/24"), // IETF protocol assignments
          Network.parse("198.18.0.0/15"), // benchmarking
          Network.parse("240.0.0.0/4"), // reserved, incl. broadcast
          Network.parse("fc00::/7"), // unique local
          Network.parse("64:ff9b::/96"), // NAT64 can reach IPv4 private space
          Network.parse("2001:db8::/32")); // documentation

  private final List<Network> allowed;

  /**
   * @param allowed networks an operator explicitly opened (e.g. an internal CMS), may be empty
   */
  public OutboundAddressPolicy(List<Network> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /** The reason this address is refused, or empty when Marquee may connect to it. */
  public Optional<String> refusal(InetAddress address) {
    InetAddress effective = unwrapIpv4(address);
    if (allowed.stream().anyMatch(n -> n.contains(effective) || n.contains(address))) {
      return Optional.empty();
    }
    if (effective.isLoopbackAddress()) {
      return Optional.of("loopback address");
    }
    if (effective.isAnyLocalAddress()) {
      return Optional.of("unspecified address");
    }
    if (effective.isLinkLocalAddress()) {
      return Optional.of("link-local address");
    }
    if (effective.isSiteLocalAddress()) {
      return Optional.of("private address");
    }
    if (effective.isMulticastAddress()) {
      return Optional.of("multicast address");
    }
    if (NON_PUBLIC.stream().anyMatch(n -> n.contains(effective))) {
      return Optional.of("non-public address");
    }
    return Optional.empty();
  }

  /**
   * IPv4-mapped ({@code ::ffff:10.0.0.1}) and IPv4-compatible IPv6 addresses reach the IPv4 host,
   * so they are judged as that host.
   */
  private static InetAddress unwrapIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return address;
      }
    }
    boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    boolean compatible = b[10] == 0 && b[11] == 0 && (b[12] | b[13] | b[14]) != 0;
    if (!mapped && !compatible) {
      return address;
    }
    try {
      return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }
}
