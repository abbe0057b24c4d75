/** Wiring: CDI producers, the startup sequence and health checks. */
package io.cloudnativemcp.bootstrap;
