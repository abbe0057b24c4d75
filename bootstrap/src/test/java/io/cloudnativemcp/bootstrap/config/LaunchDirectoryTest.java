package io.cloudnativemcp.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchDirectoryTest {
  @TempDir Path userDir;
  @TempDir Path serverDir;

  @Test
  void givenLibertysServerScript_theLaunchDirectory_isWhereTheUserStartedIt() {
    Map<String, String> env = Map.of("INVOKED", "/home/u/wlpExtract/x/wlp/bin/server", "OLDPWD", userDir.toString());

    assertThat(LaunchDirectory.of(env, serverDir)).isEqualTo(userDir);
  }

  @Test
  void givenNoServerScript_theLaunchDirectory_isTheWorkingDirectory() {
    assertThat(LaunchDirectory.of(Map.of("OLDPWD", userDir.toString()), serverDir)).isEqualTo(serverDir);
  }

  @Test
  void givenAPreviousDirectoryThatIsGone_theLaunchDirectory_isTheWorkingDirectory() {
    Map<String, String> env = Map.of("INVOKED", "/opt/ol/wlp/bin/server", "OLDPWD", userDir.resolve("deleted").toString());

    assertThat(LaunchDirectory.of(env, serverDir)).isEqualTo(serverDir);
  }
}
