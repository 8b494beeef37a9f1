package network.clinic.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service in its own JVM, so it can be stopped and restarted on its own to watch the rest of
 * the system recover. Output goes to a log file under the data folder.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(25);
  private static final int EXCERPT_LINES = 40;

  private final String name;
  private final Path jar;
  private final int port;
  private final Map<String, String> environment;
  private final List<String> javaOptions;
  private final Path logFile;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private AotCache.Launch launch;
  private Process process;

  ServiceProcess(
      String name, Path jar, int port, Map<String, String> environment, List<String> javaOptions, Path logFile) {
    this.name = name;
    this.jar = jar;
    this.port = port;
    this.environment = environment;
    this.javaOptions = javaOptions;
    this.logFile = logFile;
    this.launch = AotCache.Launch.plain(jar);
  }

  /** Starts from an AOT cache of this jar, trained now if it has none yet (see {@link AotCache}). */
  void useAotCache(Path cacheRoot) {
    if (!Files.isRegularFile(jar)) {
      return;
    }
    launch = AotCache.prepare(name, jar, environment, javaOptions, cacheRoot, logFile.resolveSibling(name + "-aot-training.log"));
  }

  boolean startsFromAotCache() {
    return !launch.options().isEmpty();
  }

  /** Starts the service's JVM; after {@link #close()} or {@link #kill()} it can be started again. */
  public synchronized void start() {
    if (!Files.isRegularFile(jar)) {
      throw new StackStartException(name + " is not built (" + jar + " is missing): run ./run-local.sh, which builds it");
    }
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(javaOptions);
    command.addAll(launch.options());
    command.add("-jar");
    command.add(launch.jar().toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(logFile.getParent());
      process = builder.start();
    } catch (IOException e) {
      throw new StackStartException("could not start " + name + ": " + e.getMessage(), e);
    }
  }

  /** Waits until the service reports ready, failing early if its process dies. */
  public void awaitReady(Duration timeout) {
    URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new StackStartException(
            name + " exited with code " + process.exitValue() + " while starting; see " + logFile + failureExcerpt());
      }
      if (isReady(readiness)) {
        return;
      }
      sleepQuietly(Duration.ofMillis(250));
    }
    throw new StackStartException(name + " was not ready within " + timeout.toSeconds() + " s; see " + logFile + failureExcerpt());
  }

  // CI keeps only the build output, not the log folder, so the reason has to travel in the message.
  private String failureExcerpt() {
    List<String> lines;
    try {
      lines = Files.readAllLines(logFile);
    } catch (IOException e) {
      return "";
    }
    int from = Math.max(0, lines.size() - EXCERPT_LINES);
    for (int i = lines.size() - 1; i >= from; i--) {
      if (lines.get(i).contains("APPLICATION FAILED TO START")) {
        from = i;
        break;
      }
    }
    return "\n--- last lines of " + logFile.getFileName() + " ---\n" + String.join("\n", lines.subList(from, lines.size()));
  }

  private boolean isReady(URI readiness) {
    try {
      HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: the process gets no chance to finish anything, as in a crash. */
  public synchronized void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** SIGTERM, so Spring Boot shuts down gracefully; SIGKILL if it has not gone after the grace time. */
  @Override
  public synchronized void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  // The services run on the same JDK as the launcher, which run-local.sh chose (>= 21).
  static String javaExecutable() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
