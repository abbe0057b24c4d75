package io.cloudnativemcp.domain.cluster;

import java.time.Duration;
import java.time.Instant;

/** {@code kubectl}-style ages: {@code 45s}, {@code 12m}, {@code 3h20m}, {@code 6d}. */
public final class Ages {
  private Ages() {}

  public static String between(Instant created, Instant now) {
    if (created == null) {
      return null;
    }
    Duration d = Duration.between(created, now);
    if (d.isNegative()) {
      return "0s";
    }
    long s = d.getSeconds();
    if (s < 120) {
      return s + "s";
    }
    long m = s / 60;
    if (m < 60) {
      return m + "m";
    }
    long h = m / 60;
    if (h < 24) {
      return m % 60 == 0 || h >= 10 ? h + "h" : h + "h" + (m % 60) + "m";
    }
    long days = h / 24;
    if (days < 10 && h % 24 != 0) {
      return days + "d" + (h % 24) + "h";
    }
    return days + "d";
  }
}
