package io.cloudnativemcp.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerSettingsTest {
  @ParameterizedTest
  @CsvSource({
    "0.0.0.0:8443, 0.0.0.0, 8443",
    "127.0.0.1:8080, 127.0.0.1, 8080",
    ":9000, 0.0.0.0, 9000",
    "9001, 0.0.0.0, 9001",
    "[::1]:8080, ::1, 8080",
    "mcp.example.com:443, mcp.example.com, 443"
  })
  void givenAnAddress_parseAddress_splitsHostAndPort(String addr, String host, int port) {
    ServerSettings s = ServerSettings.parseAddress(addr, ServerSettings.TransportMode.ALL);

    assertThat(s.host()).isEqualTo(host);
    assertThat(s.port()).isEqualTo(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "host:0", "host:70000", "[::1]8080", "host:abc"})
  void givenAMalformedAddress_parseAddress_refusesIt(String addr) {
    assertThatThrownBy(() -> ServerSettings.parseAddress(addr, ServerSettings.TransportMode.ALL))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
