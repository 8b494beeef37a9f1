package network.clinic.localstack;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds Debian's prometheus and promtool binaries; absent ones fail the test, never skip it. */
final class Promtool {

  private Promtool() {}

  static Path binary(String name) {
    return find(name)
        .orElseGet(
            () ->
                fail(
                    name + " is not installed (looked on PATH and in /usr/bin): run `apt-get install"
                        + " prometheus` (Debian/Ubuntu; it brings promtool too). CI's .ci/run installs it."));
  }

  private static Optional<Path> find(String name) {
    List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    dirs.add("/usr/bin");
    return dirs.stream()
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Runs promtool in {@code workingDirectory}; fails with its output on a non-zero exit. */
  static String run(Path workingDirectory, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary("promtool").toString());
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish within 60 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      fail(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + output);
    }
    return output;
  }
}
