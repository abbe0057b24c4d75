/** Outgoing ports: what the application needs from the cluster, the stores and the outside world. */
package io.cloudnativemcp.application.port.out;
