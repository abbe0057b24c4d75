/** Inbound HTTP adapter: filters (authentication), REST resources and the problem+json mapping. */
package io.cloudnativemcp.adapter.in.http;
