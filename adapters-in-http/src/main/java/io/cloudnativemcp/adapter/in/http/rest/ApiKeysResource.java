package io.cloudnativemcp.adapter.in.http.rest;

import io.cloudnativemcp.application.port.in.ApiKeyView;
import io.cloudnativemcp.application.port.in.CreateApiKeyCommand;
import io.cloudnativemcp.application.port.in.IssuedApiKey;
import io.cloudnativemcp.application.port.in.ManageApiKeysUseCase;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyId;
import io.cloudnativemcp.domain.apikey.ApiKeyNotFoundException;
import io.cloudnativemcp.domain.shared.RuleViolationException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** REST adapter: the API key lifecycle ({@code keys:admin}). */
@Path("/keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeysResource {
  private ManageApiKeysUseCase keys;

  /** For CDI's client proxy only. */
  protected ApiKeysResource() {}

  @Inject
  public ApiKeysResource(ManageApiKeysUseCase keys) {
    this.keys = keys;
  }

  /** Body of {@code POST /api/keys}. */
  public record CreateKeyRequest(String name, List<String> groups, Integer expiresInDays) {}

  /** A key as listed: never the key itself. */
  public record KeyResponse(
      String id, String name, String prefix, List<String> groups, String state, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
    static KeyResponse from(ApiKeyView v) {
      ApiKey k = v.key();
      return new KeyResponse(
          k.id().value(), k.name(), k.prefix(), sorted(k.groups()), v.state().wireName(), k.createdAt(),
          k.expiresAt().orElse(null), k.lastUsedAt().orElse(null));
    }
  }

  /** A key just issued: the only time {@code key} is shown. */
  public record IssuedKeyResponse(
      String id,
      String name,
      String key,
      String prefix,
      List<String> groups,
      Instant createdAt,
      Instant expiresAt,
      String replaces,
      Instant previousValidUntil) {
    static IssuedKeyResponse from(IssuedApiKey issued) {
      ApiKey k = issued.key();
      return new IssuedKeyResponse(
          k.id().value(), k.name(), issued.plaintext(), k.prefix(), sorted(k.groups()), k.createdAt(), k.expiresAt().orElse(null),
          issued.replaces().map(ApiKeyId::value).orElse(null), issued.previousValidUntil().orElse(null));
    }
  }

  /** {@code GET /api/keys}. */
  public record KeyList(List<KeyResponse> items) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(CreateKeyRequest body, @Context HttpServletRequest request) {
    if (body == null || body.name() == null || body.name().isBlank()) {
      throw new RuleViolationException("invalid_parameter", "Invalid field 'name': a key needs a name (its principal).");
    }
    Set<String> groups = body.groups() == null ? Set.of() : Set.copyOf(body.groups());
    CreateApiKeyCommand command;
    try {
      command = new CreateApiKeyCommand(Requests.admin(request), body.name().trim(), groups, Optional.ofNullable(body.expiresInDays()));
    } catch (IllegalArgumentException e) {
      throw new RuleViolationException("invalid_parameter", "Invalid field 'expiresInDays': " + e.getMessage());
    }
    IssuedApiKey issued = keys.create(command);
    return Response.created(URI.create("keys/" + issued.key().id().value())).entity(IssuedKeyResponse.from(issued)).build();
  }

  @GET
  public KeyList list(@Context HttpServletRequest request) {
    return new KeyList(keys.list(Requests.admin(request)).stream().map(KeyResponse::from).toList());
  }

  @POST
  @Path("/{id}/rotate")
  public Response rotate(@PathParam("id") String id, @Context HttpServletRequest request) {
    IssuedApiKey issued = keys.rotate(Requests.admin(request), keyId(id));
    return Response.created(URI.create("keys/" + issued.key().id().value())).entity(IssuedKeyResponse.from(issued)).build();
  }

  @DELETE
  @Path("/{id}")
  public Response revoke(@PathParam("id") String id, @Context HttpServletRequest request) {
    keys.revoke(Requests.admin(request), keyId(id));
    return Response.noContent().build();
  }

  private static ApiKeyId keyId(String id) {
    try {
      return new ApiKeyId(id);
    } catch (IllegalArgumentException e) {
      throw new ApiKeyNotFoundException(id);
    }
  }

  private static List<String> sorted(Set<String> groups) {
    return List.copyOf(new TreeSet<>(groups));
  }
}
