/** Suspicious activity: authentication-failure thresholds with temporary blocks, anomaly rules, alerts. */
package io.cloudnativemcp.domain.monitoring;
