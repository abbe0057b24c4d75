/** Tools as the domain sees them: names, descriptors with risk, typed arguments and results. */
package io.cloudnativemcp.domain.tool;
