/** Security monitoring in front of the domain's rules: failed authentications, anomalies, alerts. */
package io.cloudnativemcp.application.service.monitor;
