package io.cloudnativemcp.adapter.in.http.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** Unknown paths, wrong methods and unreadable bodies answer problem+json too. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    if (e.getResponse() != null && e.getResponse().getEntity() instanceof Problem) {
      return e.getResponse(); // a resource's own problem answer
    }
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    String detail =
        switch (status) {
          case 404 -> "No such resource.";
          case 405 -> "Method not allowed on this resource.";
          case 406 -> "Not acceptable: this API produces application/json.";
          case 415 -> "Unsupported media type: send application/json.";
          case 400 -> "The request body is not valid JSON for this resource.";
          default -> "The request could not be processed.";
        };
    return DomainExceptionMapper.problem(status, detail, "http_" + Response.Status.Family.familyOf(status).name().toLowerCase(Locale.ROOT));
  }
}
