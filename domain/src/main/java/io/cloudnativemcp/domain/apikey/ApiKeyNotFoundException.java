package io.cloudnativemcp.domain.apikey;

import io.cloudnativemcp.domain.shared.NotFoundException;

/** No key has this id. */
public class ApiKeyNotFoundException extends NotFoundException {
  private static final long serialVersionUID = 1L;

  public ApiKeyNotFoundException(ApiKeyId id) {
    this(id.value());
  }

  /** @param id the id as the caller wrote it (it may not even be a valid id) */
  public ApiKeyNotFoundException(String id) {
    super("key_not_found", "No API key with id " + id + ".");
  }
}
