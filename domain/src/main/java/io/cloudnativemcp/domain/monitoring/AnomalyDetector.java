package io.cloudnativemcp.domain.monitoring;

import io.cloudnativemcp.domain.tool.ToolRisk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-principal baselines and the rules that flag unusual behaviour: a burst of calls far above
 * the principal's usual rate, a high share of failed calls, a first destructive call, and calls
 * spread over unusually many (or never seen) namespaces. Time comes from the observations, so the
 * rules are tested with synthetic time series.
 *
 * <p>The baseline is an exponentially weighted average of calls per minute over the principal's
 * past minutes; it needs {@link #WARM_UP_MINUTES} minutes of history before the burst rule
 * compares against it (before that only the absolute minimum applies).
 */
public final class AnomalyDetector {
  static final Duration MINUTE = Duration.ofMinutes(1);
  static final Duration COOLDOWN = Duration.ofMinutes(10);
  static final int WARM_UP_MINUTES = 3;
  static final double EWMA_WEIGHT = 0.3;
  static final int MAX_KNOWN_NAMESPACES = 500;
  static final int MAX_PROFILES = 20_000;

  private final Sensitivity sensitivity;
  private final Map<String, Profile> profiles = new ConcurrentHashMap<>();

  public AnomalyDetector(Sensitivity sensitivity) {
    this.sensitivity = Objects.requireNonNull(sensitivity, "'sensitivity' must not be null");
  }

  public Sensitivity sensitivity() {
    return sensitivity;
  }

  /** Takes one call into the principal's profile and returns the alerts it raises. */
  public List<Alert> observe(CallObservation call) {
    if (profiles.size() > MAX_PROFILES) {
      profiles.entrySet().removeIf(e -> e.getValue().lastSeen.plus(Duration.ofDays(1)).isBefore(call.at()));
    }
    Profile p = profiles.computeIfAbsent(call.principal(), k -> new Profile(call.at()));
    synchronized (p) {
      return p.observe(call);
    }
  }

  /** The principal's baseline in calls per minute (for diagnostics and tests). */
  public double baselinePerMinute(String principal) {
    Profile p = profiles.get(principal);
    return p == null ? 0 : p.baseline;
  }

  private final class Profile {
    Instant minuteStart;
    int calls;
    int failures;
    final Set<String> minuteNamespaces = new HashSet<>();
    double baseline;
    int completedMinutes;
    long totalCalls;
    boolean usedDestructive;
    final Set<String> knownNamespaces = new HashSet<>();
    final Map<AlertType, Instant> lastAlert = new EnumMap<>(AlertType.class);
    Instant lastSeen;

    Profile(Instant start) {
      this.minuteStart = start;
      this.lastSeen = start;
    }

    List<Alert> observe(CallObservation call) {
      roll(call.at());
      lastSeen = call.at();
      calls++;
      totalCalls++;
      if (call.failed()) {
        failures++;
      }
      List<Alert> alerts = new ArrayList<>();
      String subject = "principal:" + call.principal();

      double burstLimit =
          completedMinutes >= WARM_UP_MINUTES
              ? Math.max(sensitivity.minBurstCalls, baseline * sensitivity.burstFactor)
              : sensitivity.minBurstCalls;
      if (calls > burstLimit) {
        alert(alerts, AlertType.CALL_BURST, "warning", subject, call.at(),
            call.principal() + " made " + calls + " calls within a minute (baseline " + Math.round(baseline) + "/min)",
            Map.of("callsThisMinute", String.valueOf(calls), "baselinePerMinute", String.format("%.1f", baseline),
                "limit", String.valueOf(Math.round(burstLimit))));
      }
      if (calls >= sensitivity.minCallsForErrorRate && (double) failures / calls >= sensitivity.errorRate) {
        alert(alerts, AlertType.ERROR_RATE, "warning", subject, call.at(),
            call.principal() + " had " + failures + " of " + calls + " calls fail within a minute",
            Map.of("failures", String.valueOf(failures), "calls", String.valueOf(calls),
                "threshold", String.valueOf(sensitivity.errorRate)));
      }
      if (call.risk() == ToolRisk.DESTRUCTIVE && !usedDestructive) {
        usedDestructive = true;
        if (sensitivity.alertFirstDestructiveUse) {
          alert(alerts, AlertType.FIRST_DESTRUCTIVE_USE, "warning", subject, call.at(),
              call.principal() + " used a destructive tool for the first time: " + call.tool(),
              Map.of("tool", call.tool(), "namespace", call.namespace() == null ? "" : call.namespace()));
        }
      }
      if (call.namespace() != null) {
        boolean established = totalCalls > 20 && completedMinutes >= WARM_UP_MINUTES;
        boolean newNamespace = !knownNamespaces.contains(call.namespace());
        minuteNamespaces.add(call.namespace());
        if (knownNamespaces.size() < MAX_KNOWN_NAMESPACES) {
          knownNamespaces.add(call.namespace());
        }
        if (minuteNamespaces.size() > sensitivity.namespaceSpread) {
          alert(alerts, AlertType.NAMESPACE_SPREAD, "warning", subject, call.at(),
              call.principal() + " touched " + minuteNamespaces.size() + " namespaces within a minute",
              Map.of("namespaces", String.valueOf(minuteNamespaces.size()), "threshold", String.valueOf(sensitivity.namespaceSpread)));
        } else if (sensitivity.alertNewNamespace && established && newNamespace) {
          alert(alerts, AlertType.NAMESPACE_SPREAD, "warning", subject, call.at(),
              call.principal() + " used namespace " + call.namespace() + " for the first time",
              Map.of("namespace", call.namespace()));
        }
      }
      return alerts;
    }

    /** Closes finished minutes into the baseline (idle minutes count as zero, up to an hour). */
    void roll(Instant now) {
      long elapsedMinutes = Duration.between(minuteStart, now).toMinutes();
      if (elapsedMinutes < 1) {
        return;
      }
      baseline = completedMinutes == 0 ? calls : baseline + EWMA_WEIGHT * (calls - baseline);
      completedMinutes++;
      for (long i = 1; i < Math.min(elapsedMinutes, 60); i++) {
        baseline = baseline * (1 - EWMA_WEIGHT);
        completedMinutes++;
      }
      minuteStart = minuteStart.plus(MINUTE.multipliedBy(elapsedMinutes));
      calls = 0;
      failures = 0;
      minuteNamespaces.clear();
    }

    private void alert(
        List<Alert> alerts, AlertType type, String severity, String subject, Instant at, String message, Map<String, String> details) {
      Instant last = lastAlert.get(type);
      if (last != null && last.plus(COOLDOWN).isAfter(at)) {
        return;
      }
      lastAlert.put(type, at);
      alerts.add(new Alert(type, severity, subject, message, at, details));
    }
  }
}
