/** Persistence adapter: audit records and API keys in PostgreSQL or embedded H2 via EclipseLink JPA. */
package io.cloudnativemcp.adapter.out.persistence;
