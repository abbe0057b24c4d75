package io.cloudnativemcp.domain.access;

import static io.cloudnativemcp.domain.principal.PrincipalFixtures.admin;
import static io.cloudnativemcp.domain.principal.PrincipalFixtures.apiKeyUser;
import static io.cloudnativemcp.domain.principal.PrincipalFixtures.jwtUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.domain.ratelimit.RateLimitPolicy;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyRateLimitTest {
  private static final RateLimitPolicy CI_LIMIT = new RateLimitPolicy(50, 100);
  private static final RateLimitPolicy EVERYONE_LIMIT = new RateLimitPolicy(5, 10);
  private static final RateLimitPolicy UNREACHED_LIMIT = new RateLimitPolicy(1, 1);

  private static AccessRule rule(String name, PrincipalMatcher match, Optional<RateLimitPolicy> limit) {
    return new AccessRule(
        name, match, new Grant(GlobSet.all(), EnumSet.of(ToolRisk.READ_ONLY), GlobSet.all(), Set.of(), limit));
  }

  private static PrincipalMatcher users(String... names) {
    return new PrincipalMatcher(GlobSet.of(List.of(names)), null, null, false);
  }

  private static PrincipalMatcher groups(String... names) {
    return new PrincipalMatcher(null, GlobSet.of(List.of(names)), null, false);
  }

  private static final AccessPolicy POLICY =
      AccessPolicy.of(
          List.of(
              rule("alice-without-limit", users("alice"), Optional.empty()),
              rule("ci", groups("ci"), Optional.of(CI_LIMIT)),
              rule("everyone", PrincipalMatcher.authenticated(), Optional.of(EVERYONE_LIMIT)),
              rule("never-reached", groups("ci"), Optional.of(UNREACHED_LIMIT))),
          ServerMode.unrestricted());

  @Test
  void givenSeveralMatchingRulesWithLimits_rateLimitFor_takesTheFirst() {
    assertThat(POLICY.rateLimitFor(apiKeyUser("deployer", "ci"))).contains(CI_LIMIT);
  }

  @Test
  void givenFirstMatchingRuleWithoutLimit_rateLimitFor_looksFurther() {
    assertThat(POLICY.rateLimitFor(jwtUser("alice", "ci"))).contains(CI_LIMIT);
    assertThat(POLICY.rateLimitFor(jwtUser("alice"))).contains(EVERYONE_LIMIT);
  }

  @Test
  void givenRuleWithLimitThatDoesNotMatch_rateLimitFor_skipsIt() {
    assertThat(POLICY.rateLimitFor(jwtUser("bob", "devs"))).contains(EVERYONE_LIMIT);
  }

  @Test
  void givenNoRuleWithALimit_rateLimitFor_isEmpty() {
    AccessPolicy policy =
        AccessPolicy.of(List.of(rule("alice", users("alice"), Optional.empty())), ServerMode.unrestricted());

    assertThat(policy.rateLimitFor(jwtUser("alice"))).isEmpty();
    assertThat(AccessPolicy.defaults(ServerMode.unrestricted()).rateLimitFor(admin())).isEmpty();
  }

  @Test
  void givenLimitOnlyForOthers_rateLimitFor_isEmpty() {
    AccessPolicy policy =
        AccessPolicy.of(List.of(rule("ci", groups("ci"), Optional.of(CI_LIMIT))), ServerMode.unrestricted());

    assertThat(policy.rateLimitFor(jwtUser("bob", "devs"))).isEmpty();
  }
}
