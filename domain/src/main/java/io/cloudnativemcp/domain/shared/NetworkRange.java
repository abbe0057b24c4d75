package io.cloudnativemcp.domain.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}); a bare address
 * is a network of one. Parsing never resolves host names.
 */
public record NetworkRange(byte[] network, int prefixLength, String text) {
  public NetworkRange {
    Objects.requireNonNull(network, "'network' must not be null");
    network = network.clone();
  }

  public static NetworkRange parse(String cidr) {
    String s = cidr.trim();
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    byte[] bytes = literal(address);
    int max = bytes.length * 8;
    int prefix = max;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(s.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid network '" + cidr + "': the prefix length is not a number", e);
      }
      if (prefix < 0 || prefix > max) {
        throw new IllegalArgumentException("invalid network '" + cidr + "': the prefix length must be 0 to " + max);
      }
    }
    return new NetworkRange(bytes, prefix, s);
  }

  /** Whether an address (a literal, never a name) lies in this network. */
  public boolean contains(String address) {
    byte[] a;
    try {
      a = literal(address);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (a.length == 16 && network.length == 4 && isV4Mapped(a)) {
      a = java.util.Arrays.copyOfRange(a, 12, 16);
    }
    if (a.length != network.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (a[full] & mask) == (network[full] & mask);
  }

  private static boolean isV4Mapped(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF;
  }

  /** Parses an IP literal without DNS (InetAddress only resolves when given a name). */
  private static byte[] literal(String address) {
    String a = address.trim();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    boolean v4 = a.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    if (v4) {
      // Checked here: InetAddress would resolve 256.0.0.1 as a host name.
      for (String octet : a.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          throw new IllegalArgumentException("'" + address + "' is not an IP address");
        }
      }
    }
    boolean v6 = a.indexOf(':') >= 0 && a.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
    if (!v4 && !v6) {
      throw new IllegalArgumentException("'" + address + "' is not an IP address");
    }
    try {
      return InetAddress.getByName(a).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + address + "' is not an IP address", e);
    }
  }

  /** A copy: the record's array must not be changed through its accessor. */
  @Override
  public byte[] network() {
    return network.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkRange r && r.prefixLength == prefixLength && java.util.Arrays.equals(r.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    return text;
  }
}
