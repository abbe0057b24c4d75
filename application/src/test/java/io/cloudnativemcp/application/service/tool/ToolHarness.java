package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.port.out.FakeManifestReader;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import java.util.List;

/** Builds tools and catalogs over the fake cluster, for tests here and in other modules. */
public final class ToolHarness {
  private ToolHarness() {}

  public static Cluster cluster(FakeClusterGateway fake) {
    return cluster(fake, ServerMode.unrestricted());
  }

  public static Cluster cluster(FakeClusterGateway fake, ServerMode mode) {
    return new Cluster(fake, fake, fake, fake, fake, mode);
  }

  /** Every production tool over the fake; waits advance the given clock instead of sleeping. */
  public static List<Tool> tools(FakeClusterGateway fake, ServerMode mode, OutputLimits limits, MutableClock clock, Runnable onPause) {
    return ToolCatalog.tools(cluster(fake, mode), new FakeManifestReader(), MaskingPolicy.defaults(), limits, clock, poller(clock, onPause));
  }

  public static ToolCatalog catalog(FakeClusterGateway fake, MutableClock clock) {
    return new ToolCatalog(tools(fake, ServerMode.unrestricted(), OutputLimits.defaults(), clock, () -> {}));
  }

  public static ToolCatalog catalog(FakeClusterGateway fake, ServerMode mode, MutableClock clock) {
    return new ToolCatalog(tools(fake, mode, OutputLimits.defaults(), clock, () -> {}));
  }

  /** A poller whose pauses run {@code onPause} and then move the clock on, so waits take no real time. */
  static Poller poller(MutableClock clock, Runnable onPause) {
    return new Poller(clock, d -> {
      onPause.run();
      clock.advance(d);
    });
  }
}
