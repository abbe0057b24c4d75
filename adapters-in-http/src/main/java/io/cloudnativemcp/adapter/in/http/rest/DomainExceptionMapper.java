package io.cloudnativemcp.adapter.in.http.rest;

import io.cloudnativemcp.application.port.out.AuditUnavailableException;
import io.cloudnativemcp.application.port.out.StoreUnavailableException;
import io.cloudnativemcp.domain.access.AccessDeniedException;
import io.cloudnativemcp.domain.shared.ConflictException;
import io.cloudnativemcp.domain.shared.DomainException;
import io.cloudnativemcp.domain.shared.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The one place where business outcomes become HTTP statuses, as problem+json. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException e) {
    return problem(status(e), e.getMessage(), e.code());
  }

  static int status(DomainException e) {
    if (e instanceof AccessDeniedException) {
      return 403;
    }
    if (e instanceof NotFoundException) {
      return 404;
    }
    if (e instanceof ConflictException) {
      return 409;
    }
    if (e instanceof StoreUnavailableException || e instanceof AuditUnavailableException) {
      return 503;
    }
    return 400;
  }

  static Response problem(int status, String detail, String code) {
    Response.Status s = Response.Status.fromStatusCode(status);
    String title = s == null ? "Error" : s.getReasonPhrase();
    return Response.status(status)
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem("about:blank", title, status, detail, code))
        .build();
  }
}
