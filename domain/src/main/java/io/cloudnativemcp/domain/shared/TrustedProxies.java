package io.cloudnativemcp.domain.shared;

import java.util.List;

/**
 * Which peers may tell us the client's address in {@code X-Forwarded-For}. From anyone else the
 * header is ignored, so a client cannot pose as another address to dodge a block or a rate limit.
 */
public record TrustedProxies(List<NetworkRange> networks) {
  public TrustedProxies {
    networks = List.copyOf(networks);
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  public boolean trusts(String peer) {
    return networks.stream().anyMatch(n -> n.contains(peer));
  }

  /**
   * The client's address: the direct peer, unless the peer is a trusted proxy; then the rightmost
   * address in {@code X-Forwarded-For} that is not itself a trusted proxy.
   */
  public String clientAddress(String peer, String forwardedFor) {
    if (!trusts(peer) || forwardedFor == null || forwardedFor.isBlank()) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (hop.isEmpty()) {
        continue;
      }
      if (!isAddress(hop)) {
        return peer; // a malformed chain proves nothing
      }
      if (!trusts(hop)) {
        return hop;
      }
    }
    return peer;
  }

  private static boolean isAddress(String s) {
    try {
      NetworkRange.parse(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
