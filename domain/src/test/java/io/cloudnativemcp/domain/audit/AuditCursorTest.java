package io.cloudnativemcp.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditCursorTest {

  static Stream<Arguments> cursors() {
    return Stream.of(
        Arguments.of(Instant.parse("2026-03-01T12:00:00Z"), 1L),
        Arguments.of(Instant.parse("2026-03-01T12:00:00.123456789Z"), 42L),
        Arguments.of(Instant.parse("2026-03-01T12:00:00.000000001Z"), Long.MAX_VALUE),
        Arguments.of(Instant.EPOCH, 0L),
        Arguments.of(Instant.parse("1969-12-31T23:59:59.5Z"), 7L));
  }

  @ParameterizedTest(name = "[{index}] {0} #{1}")
  @MethodSource("cursors")
  void givenCursor_encodeThenDecode_returnsTheSameCursor(Instant timestamp, long id) {
    AuditCursor cursor = new AuditCursor(timestamp, id);

    String token = cursor.encode();

    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(AuditCursor.decode(token)).isEqualTo(cursor);
  }

  @Test
  void givenDifferentCursors_encode_givesDifferentTokens() {
    Instant t = Instant.parse("2026-03-01T12:00:00Z");

    assertThat(new AuditCursor(t, 1).encode())
        .isNotEqualTo(new AuditCursor(t, 2).encode())
        .isNotEqualTo(new AuditCursor(t.plusNanos(1), 1).encode());
  }

  @Test
  void givenStoredEvent_after_pointsAtItsTimeAndId() {
    Instant t = Instant.parse("2026-03-01T12:00:00Z");
    AuditEvent event =
        new AuditEvent(
            17L, t, AuditEventType.TOOL_CALL, "alice", "apikey", "10.0.0.7", "rest", null, "kubernetes_get_resource",
            "shop", AuditOutcome.SUCCESS, null, 3, Map.of());

    assertThat(AuditCursor.after(event)).isEqualTo(new AuditCursor(t, 17));
  }

  private static String b64(String raw) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  static Stream<String> garbage() {
    return Stream.of(
        "",
        "!!!not-base64!!!",
        "abc def",
        b64("hello"),
        b64("1700000000.5"),
        b64("1700000000.5.7.9"),
        b64("a.b.c"),
        b64("1700000000.x.7"),
        b64("1700000000.0.99999999999999999999"),
        b64("..."));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @MethodSource("garbage")
  void givenGarbage_decode_refusesWithAHint(String token) {
    assertThatThrownBy(() -> AuditCursor.decode(token))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid cursor: use the nextCursor value of a previous page");
  }

  @ParameterizedTest
  @ValueSource(strings = {"=", "%%%"})
  void givenNonBase64Characters_decode_refuses(String token) {
    assertThatThrownBy(() -> AuditCursor.decode(token)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNullToken_decode_refusesAsInvalid() {
    assertThatThrownBy(() -> AuditCursor.decode(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNoTimestamp_new_refuses() {
    assertThatThrownBy(() -> new AuditCursor(null, 1)).isInstanceOf(NullPointerException.class);
  }
}
