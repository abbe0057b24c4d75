package io.cloudnativemcp.adapter.in.http.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The REST API under {@code /api}. Authentication happens before JAX-RS, in the servlet filter
 * that also guards the MCP endpoints; resources read the principal it established.
 */
@ApplicationPath("/api")
public class RestApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        ApiKeysResource.class,
        AuditResource.class,
        BackupResource.class,
        DomainExceptionMapper.class,
        WebApplicationExceptionMapper.class,
        UnexpectedExceptionMapper.class);
  }
}
