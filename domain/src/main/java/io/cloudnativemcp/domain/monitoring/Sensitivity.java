package io.cloudnativemcp.domain.monitoring;

import java.util.Locale;

/**
 * How readily the anomaly rules fire ({@code monitoring.anomaly_detection.sensitivity}). Higher
 * sensitivity means lower thresholds and more rules.
 *
 * @param burstFactor a minute's calls above this multiple of the baseline is a burst
 * @param minBurstCalls ... but only when at least this many calls were made that minute
 * @param errorRate share of failed calls in a minute that is anomalous
 * @param minCallsForErrorRate calls needed in a minute before the error rate counts
 * @param namespaceSpread distinct namespaces in one minute that are anomalous
 * @param alertFirstDestructiveUse whether the first destructive call of a principal alerts
 * @param alertNewNamespace whether a namespace new to an established principal alerts
 */
public enum Sensitivity {
  LOW(10, 300, 0.8, 50, 20, false, false),
  MEDIUM(5, 120, 0.5, 20, 10, true, false),
  HIGH(3, 60, 0.3, 10, 5, true, true);

  final double burstFactor;
  final int minBurstCalls;
  final double errorRate;
  final int minCallsForErrorRate;
  final int namespaceSpread;
  final boolean alertFirstDestructiveUse;
  final boolean alertNewNamespace;

  Sensitivity(
      double burstFactor,
      int minBurstCalls,
      double errorRate,
      int minCallsForErrorRate,
      int namespaceSpread,
      boolean alertFirstDestructiveUse,
      boolean alertNewNamespace) {
    this.burstFactor = burstFactor;
    this.minBurstCalls = minBurstCalls;
    this.errorRate = errorRate;
    this.minCallsForErrorRate = minCallsForErrorRate;
    this.namespaceSpread = namespaceSpread;
    this.alertFirstDestructiveUse = alertFirstDestructiveUse;
    this.alertNewNamespace = alertNewNamespace;
  }

  public static Sensitivity fromConfig(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be low, medium or high (got '" + value + "')", e);
    }
  }
}
