/** Who is calling: the authenticated principal and how it proved its identity. */
package io.cloudnativemcp.domain.principal;
