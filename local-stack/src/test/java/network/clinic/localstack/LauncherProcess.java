package network.clinic.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's launcher started as its own process, as run-local.sh starts it, on free
 * ports and a fresh data folder so it never collides with a stack a developer is running.
 */
final class LauncherProcess implements AutoCloseable {

  static final List<String> PORT_VARIABLES =
      List.of(
          "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGODB_PORT", "SMTP_PORT",
          "MAIL_VIEWER_PORT", "BOOKING_PORT", "NOTIFICATION_PORT", "CONTENT_PORT");

  final Map<String, String> env = new HashMap<>();
  final Path dataDirectory;
  private final Path stdout;
  private final Path stderr;
  private Process process;

  LauncherProcess(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
    this.stdout = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-stdout.txt");
    this.stderr = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-stderr.txt");
    env.put("LOCAL_STACK_DATA", dataDirectory.toString());
    PORT_VARIABLES.forEach(name -> env.put(name, String.valueOf(freePort())));
  }

  int port(String variable) {
    return Integer.parseInt(env.get(variable));
  }

  Process start() {
    // This runs before packaging, so the launcher comes from the test classpath, not its jar.
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                LocalStack.class.getName())
            .directory(repositoryRoot().toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().putAll(env);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return process;
  }

  String stdout() {
    return read(stdout);
  }

  String stderr() {
    return read(stderr);
  }

  /** SIGTERM, as Ctrl-C or a service manager would send; returns the exit code. */
  int terminate(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("launcher did not stop within " + timeout);
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  static Path repositoryRoot() {
    return StackSettings.repositoryRootAbove(Path.of(""));
  }

  static int freePort() {
    return PortCheck.anyFreePort();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
