package io.cloudnativemcp.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkRangeTest {

  static Stream<Arguments> membership() {
    return Stream.of(
        Arguments.of("10.0.0.0/8", "10.0.0.1", true),
        Arguments.of("10.0.0.0/8", "10.255.255.255", true),
        Arguments.of("10.0.0.0/8", "11.0.0.1", false),
        Arguments.of("10.0.0.0/8", "9.255.255.255", false),
        Arguments.of("192.168.1.0/23", "192.168.0.5", true),
        Arguments.of("192.168.1.0/23", "192.168.1.254", true),
        Arguments.of("192.168.1.0/23", "192.168.2.1", false),
        Arguments.of("172.16.0.0/12", "172.31.255.1", true),
        Arguments.of("172.16.0.0/12", "172.32.0.1", false),
        Arguments.of("0.0.0.0/0", "203.0.113.9", true),
        Arguments.of("0.0.0.0/0", "2001:db8::1", false),
        Arguments.of("10.0.0.7", "10.0.0.7", true),
        Arguments.of("10.0.0.7", "10.0.0.8", false),
        Arguments.of("10.0.0.7/32", "10.0.0.7", true),
        Arguments.of("fd00::/8", "fd12:3456::1", true),
        Arguments.of("fd00::/8", "fe80::1", false),
        Arguments.of("2001:db8::/32", "2001:DB8:0:0:0:0:0:1", true),
        Arguments.of("2001:db8::/33", "2001:db8:8000::1", false),
        Arguments.of("::1", "::1", true),
        Arguments.of("::1/128", "0:0:0:0:0:0:0:1", true),
        Arguments.of("::1", "::2", false),
        Arguments.of("[::1]", "[::1]", true),
        Arguments.of("::/0", "10.0.0.1", false),
        Arguments.of("10.0.0.0/8", "::ffff:10.1.2.3", true),
        Arguments.of("10.0.0.0/8", "::ffff:11.1.2.3", false),
        Arguments.of(" 10.0.0.0/8 ", " 10.1.1.1 ", true));
  }

  @ParameterizedTest(name = "[{index}] {0} contains {1}: {2}")
  @MethodSource("membership")
  void givenRange_contains_decidesByTheNetworkBitsOnly(String range, String address, boolean expected) {
    assertThat(NetworkRange.parse(range).contains(address)).isEqualTo(expected);
  }

  @Test
  void givenBareAddresses_parse_makesNetworksOfOne() {
    assertThat(NetworkRange.parse("10.0.0.7").prefixLength()).isEqualTo(32);
    assertThat(NetworkRange.parse("2001:db8::7").prefixLength()).isEqualTo(128);
    assertThat(NetworkRange.parse("10.0.0.7")).isEqualTo(NetworkRange.parse("10.0.0.7/32"));
  }

  @Test
  void givenSameNetworkWrittenDifferently_equals_treatsThemAsEqual() {
    NetworkRange a = NetworkRange.parse("2001:db8::/32");
    NetworkRange b = NetworkRange.parse("2001:0DB8:0:0::/32");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(NetworkRange.parse("2001:db8::/33"));
    assertThat(a.toString()).isEqualTo("2001:db8::/32");
  }

  @Test
  void givenParsedRange_network_isADefensiveCopy() {
    NetworkRange range = NetworkRange.parse("10.0.0.0/8");

    range.network()[0] = 11;

    assertThat(range.contains("10.1.1.1")).isTrue();
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(
      strings = {
        "",
        "   ",
        "not-an-address",
        "localhost",
        "localhost/8",
        "example.com",
        "my-proxy.internal/32",
        "10.0.0.0/33",
        "10.0.0.0/-1",
        "10.0.0.0/x",
        "10.0.0.0/",
        "::1/129",
        "10.0.0",
        "10.0.0.0.0",
        "1.2.3.4:8080",
        "::g"
      })
  void givenInvalidNetwork_parse_refusesIt(String text) {
    assertThatThrownBy(() -> NetworkRange.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {"localhost", "example.com", "", "garbage", "10.0.0", "1.2.3.4:80"})
  void givenSomethingThatIsNotALiteral_contains_isFalse(String address) {
    assertThat(NetworkRange.parse("0.0.0.0/0").contains(address)).isFalse();
    assertThat(NetworkRange.parse("::/0").contains(address)).isFalse();
  }

  @Test
  void givenPrefixLengthErrors_parse_explainsTheAllowedRange() {
    assertThatThrownBy(() -> NetworkRange.parse("10.0.0.0/40")).hasMessageContaining("must be 0 to 32");
    assertThatThrownBy(() -> NetworkRange.parse("::/200")).hasMessageContaining("must be 0 to 128");
    assertThatThrownBy(() -> NetworkRange.parse("10.0.0.0/eight")).hasMessageContaining("not a number");
  }

  // ---- no name resolution ------------------------------------------------------------------

  /**
   * Runs {@code action} with a security manager that refuses (and records) every host-name lookup:
   * {@code InetAddress} asks it for permission before resolving a name, never for a literal.
   */
  @SuppressWarnings("removal")
  private static List<String> lookupsDuring(Runnable action) {
    List<String> lookups = new ArrayList<>();
    SecurityManager previous = System.getSecurityManager();
    SecurityManager recorder =
        new SecurityManager() {
          @Override
          public void checkPermission(java.security.Permission perm) {}

          @Override
          public void checkPermission(java.security.Permission perm, Object context) {}

          @Override
          public void checkConnect(String host, int port) {
            if (port == -1) {
              lookups.add(host);
              throw new SecurityException("test: name lookup of '" + host + "' refused");
            }
          }
        };
    try {
      System.setSecurityManager(recorder);
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("this JVM does not allow a security manager: " + e.getMessage());
    }
    try {
      action.run();
    } finally {
      System.setSecurityManager(previous);
    }
    return lookups;
  }

  /** Runs a parse or a membership check; a refusal is fine, a lookup is not. */
  private static void quietly(Runnable action) {
    try {
      action.run();
    } catch (IllegalArgumentException | SecurityException refusedOrLookedUp) {
      // the lookup, if any, is in the recorder's list
    }
  }

  private static void parseQuietly(String text) {
    quietly(() -> NetworkRange.parse(text));
  }

  @Test
  void givenLiteralsAndNames_parse_neverAsksTheResolver() {
    List<String> lookups =
        lookupsDuring(
            () -> {
              for (String s : List.of("10.0.0.0/8", "::1", "fd00::/8", "::ffff:10.1.2.3", "localhost", "example.com")) {
                parseQuietly(s);
              }
              quietly(() -> NetworkRange.parse("10.0.0.0/8").contains("localhost"));
            });

    assertThat(lookups).isEmpty();
  }

  @Test
  void givenDottedQuadWithOctetAbove255_parse_refusesWithoutAskingTheResolver() {
    List<String> lookups =
        lookupsDuring(
            () -> {
              parseQuietly("256.0.0.1");
              parseQuietly("10.0.0.999/8");
              quietly(() -> NetworkRange.parse("0.0.0.0/0").contains("999.999.999.999"));
            });

    assertThat(lookups).isEmpty();
  }
}
