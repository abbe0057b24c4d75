package io.cloudnativemcp.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A clock that stands still until a test moves it. */
public final class MutableClock extends Clock {
  private volatile Instant now;
  private final ZoneId zone;

  public MutableClock(Instant start) {
    this(start, ZoneOffset.UTC);
  }

  private MutableClock(Instant start, ZoneId zone) {
    this.now = Objects.requireNonNull(start, "'start' must not be null");
    this.zone = Objects.requireNonNull(zone, "'zone' must not be null");
  }

  public static MutableClock at(String isoInstant) {
    return new MutableClock(Instant.parse(isoInstant));
  }

  /** Moves the clock forward (or back, for a negative amount) and returns the new time. */
  public synchronized Instant advance(Duration amount) {
    now = now.plus(amount);
    return now;
  }

  public void set(Instant instant) {
    now = Objects.requireNonNull(instant, "'instant' must not be null");
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A clock at the same instant in another zone; it does not follow later moves of this one. */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(now, newZone);
  }
}
