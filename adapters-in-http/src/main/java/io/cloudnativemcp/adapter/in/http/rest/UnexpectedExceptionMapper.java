package io.cloudnativemcp.adapter.in.http.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything else: logged with an incident id, answered without a stack trace. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(RuntimeException e) {
    if (e instanceof io.cloudnativemcp.domain.shared.DomainException d) {
      return new DomainExceptionMapper().toResponse(d);
    }
    if (e instanceof jakarta.ws.rs.WebApplicationException w) {
      return new WebApplicationExceptionMapper().toResponse(w);
    }
    if (e instanceof jakarta.json.bind.JsonbException || e instanceof jakarta.json.JsonException) {
      return DomainExceptionMapper.problem(400, "The request body is not valid JSON for this resource.", "invalid_json");
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "REST request failed (incident " + incident + ")", e);
    return DomainExceptionMapper.problem(
        500, "The server failed to process the request; it logged the details under incident " + incident + ".", "internal_error");
  }
}
