package dev.marquee.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IP network in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}). */
public record Network(InetAddress address, int prefixLength) {

  public Network {
    int bits = address.getAddress().length * 8;
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException("prefix length must be within 0.." + bits);
    }
  }

  /**
   * Parses CIDR notation; a bare address is a single-host network. Only IP literals are accepted,
   * so parsing never performs a DNS lookup.
   */
  public static Network parse(String cidr) {
    String text = cidr.strip();
    int slash = text.indexOf('/');
    String host = slash < 0 ? text : text.substring(0, slash);
    if (!isIpLiteral(host)) {
      throw new IllegalArgumentException("not an IP network: " + cidr);
    }
    try {
      InetAddress address = InetAddress.getByName(host);
      int bits = address.getAddress().length * 8;
      int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
      return new Network(address, prefix);
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("not an IP network: " + cidr, e);
    }
  }

  private static boolean isIpLiteral(String host) {
    return !host.isEmpty()
        && (host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
  }

  public boolean contains(InetAddress candidate) {
    byte[] network = address.getAddress();
    byte[] other = candidate.getAddress();
    if (network.length != other.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (network[i] != other[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (network[full] & mask) == (other[full] & mask);
  }

  @Override
  public String toString() {
    return address.getHostAddress() + "/" + prefixLength;
  }
}
