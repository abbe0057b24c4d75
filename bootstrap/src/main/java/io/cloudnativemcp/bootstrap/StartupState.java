package io.cloudnativemcp.bootstrap;

/** Whether the startup sequence has completed; readiness depends on it. */
final class StartupState {
  private static volatile boolean started;
  private static volatile boolean stopping;

  private StartupState() {}

  static void markStarted() {
    started = true;
    stopping = false;
  }

  static void markStopping() {
    stopping = true;
  }

  static boolean ready() {
    return started && !stopping;
  }
}
