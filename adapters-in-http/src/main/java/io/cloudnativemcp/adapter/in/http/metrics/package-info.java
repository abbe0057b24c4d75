/** Metrics in Prometheus text format at /metrics, recorded through the application's metrics port. */
package io.cloudnativemcp.adapter.in.http.metrics;
