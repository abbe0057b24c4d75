package io.cloudnativemcp.domain.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per subject ({@code address:…}, {@code principal:…}) in a sliding
 * window. Reaching {@code threshold} within {@code window} raises one alert and, when {@code
 * blockDuration} is positive, blocks the source address for that long. Blocked requests are
 * refused exactly like bad credentials, so the block itself reveals nothing.
 *
 * <p>Only source addresses are blocked: blocking a principal would let anybody lock a real user
 * out by sending wrong keys in that user's name.
 */
public final class AuthFailureMonitor {
  /** Subjects tracked at most; idle ones are dropped first. */
  static final int MAX_SUBJECTS = 50_000;

  private final int threshold;
  private final Duration window;
  private final Duration blockDuration;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

  /**
   * @param threshold failures that raise an alert ({@code monitoring.auth_failure_threshold})
   * @param window sliding window ({@code monitoring.auth_failure_window})
   * @param blockDuration how long a source stays blocked; zero disables blocking
   */
  public AuthFailureMonitor(int threshold, Duration window, Duration blockDuration) {
    if (threshold < 1) {
      throw new IllegalArgumentException("the threshold must be at least 1");
    }
    Objects.requireNonNull(window, "'window' must not be null");
    Objects.requireNonNull(blockDuration, "'blockDuration' must not be null");
    if (window.isZero() || window.isNegative() || blockDuration.isNegative()) {
      throw new IllegalArgumentException("the window must be positive and the block duration not negative");
    }
    this.threshold = threshold;
    this.window = window;
    this.blockDuration = blockDuration;
  }

  public static AuthFailureMonitor seedGuide() {
    return new AuthFailureMonitor(5, Duration.ofSeconds(300), Duration.ofSeconds(300));
  }

  /**
   * Records one failure.
   *
   * @param address the client address the attempt came from
   * @param principal the principal it claimed, when known (an expired key's owner, a token subject)
   * @return the alerts this failure raised (at most one per subject per window)
   */
  public java.util.List<Alert> recordFailure(String address, Optional<String> principal, Instant now) {
    java.util.List<Alert> alerts = new java.util.ArrayList<>(2);
    record("address:" + address, address, now).ifPresent(alerts::add);
    principal.flatMap(p -> record("principal:" + p, address, now)).ifPresent(alerts::add);
    if (failures.size() > MAX_SUBJECTS) {
      evictIdle(now);
    }
    return alerts;
  }

  private Optional<Alert> record(String subject, String address, Instant now) {
    Failures f = failures.computeIfAbsent(subject, s -> new Failures());
    synchronized (f) {
      f.times.addLast(now);
      prune(f, now);
      if (f.times.size() < threshold || (f.alertedAt != null && f.alertedAt.plus(window).isAfter(now))) {
        return Optional.empty();
      }
      f.alertedAt = now;
      int count = f.times.size();
      boolean block = !blockDuration.isZero();
      if (block) {
        blockedUntil.merge("address:" + address, now.plus(blockDuration), (a, b) -> a.isAfter(b) ? a : b);
      }
      return Optional.of(
          new Alert(
              AlertType.AUTH_FAILURES,
              "critical",
              subject,
              count + " failed authentications within " + window.toSeconds() + " s for " + subject
                  + (block ? "; address " + address + " blocked for " + blockDuration.toSeconds() + " s" : ""),
              now,
              Map.of(
                  "failures", String.valueOf(count),
                  "threshold", String.valueOf(threshold),
                  "windowSeconds", String.valueOf(window.toSeconds()),
                  "blockedAddress", block ? address : "",
                  "blockSeconds", String.valueOf(blockDuration.toSeconds()))));
    }
  }

  /** When the address is blocked, until when. */
  public Optional<Instant> blockedUntil(String address, Instant now) {
    Instant until = blockedUntil.get("address:" + address);
    if (until == null) {
      return Optional.empty();
    }
    if (!until.isAfter(now)) {
      blockedUntil.remove("address:" + address, until);
      return Optional.empty();
    }
    return Optional.of(until);
  }

  /** Failures of a subject still inside the window. */
  public int failuresInWindow(String subject, Instant now) {
    Failures f = failures.get(subject);
    if (f == null) {
      return 0;
    }
    synchronized (f) {
      prune(f, now);
      return f.times.size();
    }
  }

  private void prune(Failures f, Instant now) {
    Instant horizon = now.minus(window);
    while (!f.times.isEmpty() && !f.times.peekFirst().isAfter(horizon)) {
      f.times.removeFirst();
    }
  }

  private void evictIdle(Instant now) {
    Iterator<Map.Entry<String, Failures>> it = failures.entrySet().iterator();
    while (it.hasNext()) {
      Failures f = it.next().getValue();
      synchronized (f) {
        prune(f, now);
        if (f.times.isEmpty()) {
          it.remove();
        }
      }
    }
    blockedUntil.entrySet().removeIf(e -> !e.getValue().isAfter(now));
  }

  private static final class Failures {
    final Deque<Instant> times = new ArrayDeque<>();
    Instant alertedAt;
  }
}
