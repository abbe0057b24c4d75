package io.cloudnativemcp.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.CountingMetricsRecorder;
import io.cloudnativemcp.application.settings.RateLimitSettings;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.AccessRule;
import io.cloudnativemcp.domain.access.GlobSet;
import io.cloudnativemcp.domain.access.Grant;
import io.cloudnativemcp.domain.access.PrincipalMatcher;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.principal.PrincipalFixtures;
import io.cloudnativemcp.domain.ratelimit.RateDecision;
import io.cloudnativemcp.domain.ratelimit.RateLimitPolicy;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckRateLimitServiceTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final RateLimitPolicy GENEROUS = new RateLimitPolicy(1000, 1000);
  private static final Principal ALICE = PrincipalFixtures.apiKeyUser("alice");
  private static final Principal BOB = PrincipalFixtures.apiKeyUser("bob");
  private static final Principal CI_BOT = PrincipalFixtures.jwtUser("ci-bot", "ci");

  private final MutableClock clock = new MutableClock(NOW);
  private final CountingMetricsRecorder metrics = new CountingMetricsRecorder();

  private CheckRateLimitService service(RateLimitSettings settings, AccessPolicy policy) {
    return new CheckRateLimitService(settings, policy, metrics, clock);
  }

  private CheckRateLimitService service(RateLimitSettings settings) {
    return service(settings, AccessPolicy.defaults(ServerMode.unrestricted()));
  }

  private static int admitted(CheckRateLimitService service, Principal principal, String address, int attempts) {
    int admitted = 0;
    for (int i = 0; i < attempts; i++) {
      if (service.check(principal, address).allowed()) {
        admitted++;
      }
    }
    return admitted;
  }

  @Test
  void givenRateLimitingDisabled_check_alwaysAllows() {
    CheckRateLimitService service =
        service(new RateLimitSettings(false, new RateLimitPolicy(1, 1), new RateLimitPolicy(1, 1)));

    assertThat(admitted(service, ALICE, "10.0.0.7", 500)).isEqualTo(500);
    assertThat(metrics.rateLimited()).isEmpty();
  }

  @Test
  void givenDefaultPerPrincipalPolicy_check_refusesBeyondTheBurstAndRecordsIt() {
    CheckRateLimitService service = service(new RateLimitSettings(true, new RateLimitPolicy(1, 3), GENEROUS));

    int admitted = admitted(service, ALICE, "10.0.0.7", 3);
    RateDecision refused = service.check(ALICE, "10.0.0.7");

    assertThat(admitted).isEqualTo(3);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.limitedBy()).isEqualTo("principal");
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(metrics.rateLimited()).isEqualTo(Map.of("principal", 1));
    assertThat(service.check(BOB, "10.0.0.7").allowed()).as("bob has his own bucket").isTrue();
  }

  @Test
  void givenRefusal_check_admitsAgainOnceTheAdvisedWaitHasPassed() {
    CheckRateLimitService service = service(new RateLimitSettings(true, new RateLimitPolicy(2, 1), GENEROUS));
    service.check(ALICE, "10.0.0.7");
    RateDecision refused = service.check(ALICE, "10.0.0.7");

    clock.advance(refused.retryAfter());

    assertThat(service.check(ALICE, "10.0.0.7").allowed()).isTrue();
    assertThat(service.check(ALICE, "10.0.0.7").allowed()).isFalse();
  }

  @Test
  void givenRuleWithRateLimit_check_usesItInsteadOfTheDefault() {
    Grant ciGrant =
        new Grant(GlobSet.all(), EnumSet.of(ToolRisk.READ_ONLY), GlobSet.all(), Set.of(), Optional.of(new RateLimitPolicy(1, 10)));
    AccessPolicy policy =
        AccessPolicy.of(
            List.of(
                new AccessRule("ci", new PrincipalMatcher(null, GlobSet.of(List.of("ci")), null, false), ciGrant),
                new AccessRule("readers", PrincipalMatcher.authenticated(), Grant.readOnlyTools())),
            ServerMode.unrestricted());
    CheckRateLimitService service = service(new RateLimitSettings(true, new RateLimitPolicy(1, 3), GENEROUS), policy);

    assertThat(admitted(service, CI_BOT, "10.0.0.20", 50)).isEqualTo(10);
    assertThat(admitted(service, ALICE, "10.0.0.21", 50)).isEqualTo(3);
    assertThat(metrics.rateLimited()).isEqualTo(Map.of("principal", 40 + 47));
  }

  @Test
  void givenPrincipalsSharingAnAddress_check_limitsThemTogetherByTheAddressBucket() {
    CheckRateLimitService service = service(new RateLimitSettings(true, GENEROUS, new RateLimitPolicy(1, 4)));

    assertThat(admitted(service, ALICE, "10.0.0.7", 2)).isEqualTo(2);
    assertThat(admitted(service, BOB, "10.0.0.7", 2)).isEqualTo(2);
    RateDecision carol = service.check(PrincipalFixtures.apiKeyUser("carol"), "10.0.0.7");

    assertThat(carol.allowed()).isFalse();
    assertThat(carol.limitedBy()).isEqualTo("address");
    assertThat(service.check(PrincipalFixtures.apiKeyUser("carol"), "10.0.0.8").allowed()).isTrue();
    assertThat(metrics.rateLimited()).isEqualTo(Map.of("address", 1));
  }

  @Test
  void givenSameNameWithDifferentAuthMethods_check_keepsSeparatePrincipalBuckets() {
    CheckRateLimitService service = service(new RateLimitSettings(true, new RateLimitPolicy(1, 2), GENEROUS));

    assertThat(admitted(service, PrincipalFixtures.apiKeyUser("alice"), "10.0.0.7", 5)).isEqualTo(2);
    assertThat(admitted(service, PrincipalFixtures.jwtUser("alice"), "10.0.0.7", 5)).isEqualTo(2);
  }

  @Test
  void givenAddressRefusal_check_doesNotChargeThePrincipal() {
    CheckRateLimitService service = service(new RateLimitSettings(true, new RateLimitPolicy(0.001, 3), new RateLimitPolicy(0.001, 1)));
    service.check(ALICE, "10.0.0.7");
    for (int i = 0; i < 5; i++) {
      assertThat(service.check(ALICE, "10.0.0.7").limitedBy()).isEqualTo("address");
    }

    assertThat(service.check(ALICE, "10.0.0.8").allowed()).isTrue();
    assertThat(service.check(ALICE, "10.0.0.9").allowed()).isTrue();
    assertThat(service.check(ALICE, "10.0.0.10").limitedBy()).isEqualTo("principal");
  }
}
