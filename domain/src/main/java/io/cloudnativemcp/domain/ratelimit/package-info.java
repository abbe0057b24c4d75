/** Rate limits: token buckets per principal and per client address. */
package io.cloudnativemcp.domain.ratelimit;
