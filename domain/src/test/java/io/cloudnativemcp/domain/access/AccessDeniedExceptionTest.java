package io.cloudnativemcp.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

class AccessDeniedExceptionTest {

  @Test
  void givenMissingPermission_new_namesThePrincipalAndThePermission() {
    AccessDeniedException e = new AccessDeniedException("alice", Permission.AUDIT_READ);

    assertThat(e).hasMessage("Principal 'alice' lacks the permission audit:read.");
    assertThat(e.code()).isEqualTo("forbidden");
    assertThat(e.permission()).isEqualTo(Permission.AUDIT_READ);
    assertThat(e).isInstanceOf(DomainException.class);
  }

  @Test
  void givenKeysPermission_new_namesIt() {
    assertThat(new AccessDeniedException("ci-bot", Permission.KEYS_ADMIN))
        .hasMessage("Principal 'ci-bot' lacks the permission keys:admin.");
  }
}
