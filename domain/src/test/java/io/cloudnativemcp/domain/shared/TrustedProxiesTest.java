package io.cloudnativemcp.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrustedProxiesTest {
  /** The ingress controllers live in 10.0.0.0/8; a sidecar on ::1. */
  private static final TrustedProxies PROXIES =
      new TrustedProxies(List.of(NetworkRange.parse("10.0.0.0/8"), NetworkRange.parse("::1")));

  private static final String INGRESS = "10.0.0.1";
  private static final String CLIENT = "198.51.100.7";

  static Stream<Arguments> untrustedPeers() {
    return Stream.of(
        Arguments.of("203.0.113.9", "198.51.100.7"),
        Arguments.of("203.0.113.9", "10.0.0.5"),
        Arguments.of("203.0.113.9", "198.51.100.7, 10.0.0.5"),
        Arguments.of("2001:db8::9", "198.51.100.7"),
        Arguments.of("203.0.113.9", "garbage"));
  }

  @ParameterizedTest(name = "[{index}] peer {0}, X-Forwarded-For {1}")
  @MethodSource("untrustedPeers")
  void givenUntrustedPeer_clientAddress_ignoresTheHeaderEntirely(String peer, String forwardedFor) {
    assertThat(PROXIES.clientAddress(peer, forwardedFor)).isEqualTo(peer);
  }

  @Test
  void givenTrustedPeer_clientAddress_takesTheForwardedAddress() {
    assertThat(PROXIES.clientAddress(INGRESS, CLIENT)).isEqualTo(CLIENT);
    assertThat(PROXIES.clientAddress("::1", "2001:db8::42")).isEqualTo("2001:db8::42");
  }

  @Test
  void givenTrustedPeerAndSpoofedLeftEntries_clientAddress_takesTheRightmostUntrustedHop() {
    // the client wrote "1.2.3.4, 5.6.7.8" itself; the ingress appended the real address
    assertThat(PROXIES.clientAddress(INGRESS, "1.2.3.4, 5.6.7.8, " + CLIENT)).isEqualTo(CLIENT);
  }

  @Test
  void givenChainOfTrustedProxies_clientAddress_skipsThemAll() {
    assertThat(PROXIES.clientAddress(INGRESS, "203.0.113.1, " + CLIENT + ", 10.0.0.9, 10.1.0.3")).isEqualTo(CLIENT);
    assertThat(PROXIES.clientAddress("::1", CLIENT + ",10.0.0.9")).isEqualTo(CLIENT);
  }

  @Test
  void givenOnlyTrustedHops_clientAddress_fallsBackToThePeer() {
    assertThat(PROXIES.clientAddress(INGRESS, "10.0.0.9, 10.0.0.8")).isEqualTo(INGRESS);
  }

  static Stream<String> malformedHeaders() {
    return Stream.of(
        "garbage",
        CLIENT + ", garbage",
        CLIENT + ", localhost",
        "unknown",
        CLIENT + ":443",
        "for=" + CLIENT,
        CLIENT + ", 10.0.0.9, not-an-ip");
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @MethodSource("malformedHeaders")
  void givenTrustedPeerAndMalformedRightmostHop_clientAddress_fallsBackToThePeer(String forwardedFor) {
    assertThat(PROXIES.clientAddress(INGRESS, forwardedFor)).isEqualTo(INGRESS);
  }

  @Test
  void givenMalformedHopLeftOfTheClient_clientAddress_neverLooksAtIt() {
    assertThat(PROXIES.clientAddress(INGRESS, "garbage, " + CLIENT)).isEqualTo(CLIENT);
  }

  @Test
  void givenMissingOrBlankHeader_clientAddress_isThePeer() {
    assertThat(PROXIES.clientAddress(INGRESS, null)).isEqualTo(INGRESS);
    assertThat(PROXIES.clientAddress(INGRESS, "")).isEqualTo(INGRESS);
    assertThat(PROXIES.clientAddress(INGRESS, "  ")).isEqualTo(INGRESS);
  }

  @Test
  void givenEmptyHops_clientAddress_skipsThem() {
    assertThat(PROXIES.clientAddress(INGRESS, " , " + CLIENT + " ,, ")).isEqualTo(CLIENT);
  }

  @Test
  void givenV4MappedPeer_trusts_matchesTheIpv4Network() {
    assertThat(PROXIES.trusts("::ffff:10.0.0.1")).isTrue();
    assertThat(PROXIES.clientAddress("::ffff:10.0.0.1", CLIENT)).isEqualTo(CLIENT);
  }

  @Test
  void givenNoTrustedProxies_clientAddress_isAlwaysThePeer() {
    TrustedProxies none = TrustedProxies.none();

    assertThat(none.trusts(INGRESS)).isFalse();
    assertThat(none.clientAddress(INGRESS, CLIENT)).isEqualTo(INGRESS);
  }
}
