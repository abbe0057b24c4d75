package io.cloudnativemcp.domain.principal;

import java.util.Objects;

/** The stable name of a principal: an API key's name, a token subject, a certificate subject. */
public record PrincipalId(String value) {
  public PrincipalId {
    Objects.requireNonNull(value, "'value' must not be null");
    if (value.isBlank() || value.length() > 256) {
      throw new IllegalArgumentException("a principal id must have 1 to 256 characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
