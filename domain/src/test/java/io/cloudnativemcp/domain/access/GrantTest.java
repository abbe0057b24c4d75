package io.cloudnativemcp.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.domain.ratelimit.RateLimitPolicy;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantTest {

  @Test
  void givenRateLimit_new_keepsItAsTheOverride() {
    RateLimitPolicy limit = new RateLimitPolicy(2, 4);

    Grant grant = new Grant(GlobSet.all(), EnumSet.of(ToolRisk.READ_ONLY), GlobSet.all(), Set.of(), Optional.of(limit));

    assertThat(grant.rateLimit()).contains(limit);
  }

  @Test
  void givenNoRateLimit_new_hasNoOverride() {
    assertThat(new Grant(GlobSet.all(), Set.of(), GlobSet.all(), Set.of()).rateLimit()).isEmpty();
    assertThat(new Grant(GlobSet.all(), Set.of(), GlobSet.all(), Set.of(), null).rateLimit()).isEmpty();
    assertThat(Grant.everything().rateLimit()).isEmpty();
    assertThat(Grant.readOnlyTools().rateLimit()).isEmpty();
  }

  @Test
  void givenNullCollections_new_treatsThemAsEmpty() {
    Grant grant = new Grant(GlobSet.all(), null, GlobSet.all(), null, Optional.empty());

    assertThat(grant.risks()).isEmpty();
    assertThat(grant.permissions()).isEmpty();
  }

  @Test
  void givenMissingPatterns_new_refusesThem() {
    assertThatThrownBy(() -> new Grant(null, Set.of(), GlobSet.all(), Set.of())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Grant(GlobSet.all(), Set.of(), null, Set.of())).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenWildcardPermission_hasPermission_matchesByGlob() {
    Grant grant = new Grant(GlobSet.all(), Set.of(), GlobSet.none(), Set.of(new Permission("audit:*")));

    assertThat(grant.hasPermission(Permission.AUDIT_READ)).isTrue();
    assertThat(grant.hasPermission(Permission.KEYS_ADMIN)).isFalse();
  }

  @Test
  void givenEverything_hasPermission_holdsAuditAndKeys() {
    assertThat(Grant.everything().hasPermission(Permission.AUDIT_READ)).isTrue();
    assertThat(Grant.everything().hasPermission(Permission.KEYS_ADMIN)).isTrue();
    assertThat(Grant.readOnlyTools().hasPermission(Permission.AUDIT_READ)).isFalse();
    assertThat(List.copyOf(Grant.readOnlyTools().risks())).containsExactly(ToolRisk.READ_ONLY);
  }
}
