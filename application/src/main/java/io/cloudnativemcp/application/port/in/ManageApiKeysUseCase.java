package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.apikey.ApiKeyId;
import java.util.List;

/**
 * Use case: the API key lifecycle through the admin API (needs {@code keys:admin}); each action is
 * audited.
 *
 * @throws io.cloudnativemcp.domain.access.AccessDeniedException without {@code keys:admin}
 */
public interface ManageApiKeysUseCase {

  /** Issues a new key; its plaintext is in the result, and nowhere else, ever. */
  IssuedApiKey create(CreateApiKeyCommand command);

  List<ApiKeyView> list(AdminRequest request);

  /** Replaces a key by a new one; the old one keeps working until {@code previousValidUntil}. */
  IssuedApiKey rotate(AdminRequest request, ApiKeyId id);

  /** Revokes a key at once. */
  void revoke(AdminRequest request, ApiKeyId id);
}
