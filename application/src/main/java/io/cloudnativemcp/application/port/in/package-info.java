/** Incoming ports: one use case per capability, with its command or query record. */
package io.cloudnativemcp.application.port.in;
