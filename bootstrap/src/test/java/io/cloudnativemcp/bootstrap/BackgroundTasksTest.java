package io.cloudnativemcp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.port.in.EnsureBootstrapAdminKeyUseCase;
import io.cloudnativemcp.domain.shared.RuleViolationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administrator key file ({@code auth.apiKeyFile}) as a Secret volume updates it. */
class BackgroundTasksTest {
  @TempDir Path dir;

  private final List<String> applied = new ArrayList<>();
  private final EnsureBootstrapAdminKeyUseCase ensure =
      command -> {
        String key = command.configuredKey().orElseThrow();
        if (key.length() < 16) {
          throw new RuleViolationException("weak_key", "auth.apiKeyFile: too short");
        }
        applied.add(key);
        return Optional.empty();
      };

  @Test
  void givenTheFileChanges_reread_appliesTheNewKeyOnceAndIgnoresGapsAndRefusals() throws Exception {
    Path file = dir.resolve("admin-key");
    Files.writeString(file, "First-Admin-Key-2026!\n");
    BackgroundTasks tasks = new BackgroundTasks();

    assertThat(tasks.rereadAdminKeyFile(file, ensure)).as("first look").isTrue();
    assertThat(tasks.rereadAdminKeyFile(file, ensure)).as("unchanged").isFalse();

    Files.writeString(file, "");
    assertThat(tasks.rereadAdminKeyFile(file, ensure)).as("empty between updates").isFalse();
    Files.delete(file);
    assertThat(tasks.rereadAdminKeyFile(file, ensure)).as("missing between updates").isFalse();

    Files.writeString(file, "short");
    assertThatThrownBy(() -> tasks.rereadAdminKeyFile(file, ensure)).isInstanceOf(RuleViolationException.class);
    Files.writeString(file, "Second-Admin-Key-2026!");
    assertThat(tasks.rereadAdminKeyFile(file, ensure)).as("replaced").isTrue();

    assertThat(applied).containsExactly("First-Admin-Key-2026!", "Second-Admin-Key-2026!");
  }
}
