package io.cloudnativemcp.application.service.tool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Waits for something in the cluster by looking again every interval, until it holds, fails, the
 * timeout passes, or the caller gives up. Each look is reported as progress, so a client that sent
 * a progress token sees the wait move; a cancelled call stops at the next look.
 */
final class Poller {
  /** How the pause between looks is taken; tests pass one that only advances their clock. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d.toMillis());
  }

  /** What one look found. */
  record Look(boolean done, boolean failed, String detail) {
    static Look done(String detail) {
      return new Look(true, false, detail);
    }

    static Look failed(String detail) {
      return new Look(false, true, detail);
    }

    static Look waiting(String detail) {
      return new Look(false, false, detail);
    }
  }

  /** How a wait ended. */
  enum End {
    DONE,
    FAILED,
    TIMED_OUT,
    CANCELLED
  }

  /** The end, what the last look saw, how long it took and how many looks it took. */
  record Outcome(End end, String detail, Duration waited, int looks) {}

  /** The longest pause between progress reports, so a long interval still shows life. */
  static final Duration SLICE = Duration.ofSeconds(1);

  private final Clock clock;
  private final Sleeper sleeper;

  Poller(Clock clock, Sleeper sleeper) {
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    this.sleeper = Objects.requireNonNull(sleeper, "'sleeper' must not be null");
  }

  Outcome until(Duration timeout, Duration interval, ToolCall call, String what, Supplier<Look> look) {
    Instant start = clock.instant();
    Instant deadline = start.plus(timeout);
    int looks = 0;
    Look last = Look.waiting("not looked yet");
    while (true) {
      if (call.cancelled()) {
        return new Outcome(End.CANCELLED, last.detail(), Duration.between(start, clock.instant()), looks);
      }
      last = look.get();
      looks++;
      Duration waited = Duration.between(start, clock.instant());
      call.progress(Math.min(waited.toMillis() / 1000.0, timeout.toSeconds()), (double) timeout.toSeconds(), what + ": " + last.detail());
      if (last.done()) {
        return new Outcome(End.DONE, last.detail(), waited, looks);
      }
      if (last.failed()) {
        return new Outcome(End.FAILED, last.detail(), waited, looks);
      }
      if (!clock.instant().isBefore(deadline)) {
        return new Outcome(End.TIMED_OUT, last.detail(), waited, looks);
      }
      Instant next = clock.instant().plus(interval);
      if (next.isAfter(deadline)) {
        next = deadline;
      }
      // Sleep in slices so a cancellation is noticed within a second.
      while (true) {
        // Read the clock once per slice: a real clock moves between two reads.
        Duration left = Duration.between(clock.instant(), next);
        if (left.isNegative() || left.isZero()) {
          break;
        }
        if (call.cancelled()) {
          return new Outcome(End.CANCELLED, last.detail(), Duration.between(start, clock.instant()), looks);
        }
        try {
          sleeper.sleep(left.compareTo(SLICE) < 0 ? left : SLICE);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new Outcome(End.CANCELLED, last.detail(), Duration.between(start, clock.instant()), looks);
        }
      }
    }
  }

  /** One sentence about how a wait ended. */
  static String describe(Outcome o, String what, Duration timeout) {
    return switch (o.end()) {
      case DONE -> what + ": done after " + seconds(o.waited()) + " (" + o.detail() + ").";
      case FAILED -> what + ": failed after " + seconds(o.waited()) + " (" + o.detail() + ").";
      case TIMED_OUT -> what + ": not done within " + seconds(timeout) + " (last seen: " + o.detail() + ").";
      case CANCELLED -> what + ": stopped after " + seconds(o.waited()) + " because the call was cancelled (last seen: " + o.detail() + ").";
    };
  }

  private static String seconds(Duration d) {
    return d.toSeconds() + "s";
  }
}
