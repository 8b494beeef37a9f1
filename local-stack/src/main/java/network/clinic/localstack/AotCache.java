package network.clinic.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A JDK AOT cache per service build (JDK 25+, JEP 483 and 514), which roughly halves a service's
 * start: the classes a start loads are stored already parsed and linked. Once per build the
 * service's jar is extracted (Spring Boot's {@code jarmode=tools}; a cache cannot hold classes
 * from jars nested in a jar) and started once for training with {@code spring.context.exit=onRefresh},
 * which stops after the application context is built — before the web server, schedulers and
 * Kafka consumers start, so training changes nothing but idempotent index and topic creation.
 * The cache lives under the data folder, keyed by the jar's content; a new build trains again.
 */
final class AotCache {

  static final int FIRST_JDK_WITH_AOT_CACHE = 25;
  private static final long TRAINING_TIMEOUT_SECONDS = 300;
  private static final String CACHE_FILE = "app.aot";

  private AotCache() {}

  /** How a service's JVM is launched: which jar, and which options to add for it. */
  record Launch(Path jar, List<String> options) {

    static Launch plain(Path jar) {
      return new Launch(jar, List.of());
    }
  }

  /**
   * The launch using the cache for this jar, training it first if needed. Any failure falls back
   * to the plain jar with a line saying why: a cache only ever makes a start faster.
   */
  static Launch prepare(
      String service, Path jar, Map<String, String> environment, List<String> javaOptions, Path cacheRoot, Path trainingLog) {
    if (Runtime.version().feature() < FIRST_JDK_WITH_AOT_CACHE) {
      return Launch.plain(jar);
    }
    try {
      Path directory = cacheRoot.resolve(service + "-" + contentKey(jar));
      Path cache = directory.resolve(CACHE_FILE);
      Path extracted = directory.resolve(jar.getFileName());
      if (!Files.isRegularFile(cache)) {
        removeOtherBuilds(cacheRoot, service);
        deleteRecursively(directory);
        run(List.of(ServiceProcess.javaExecutable(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", directory.toString()),
            Map.of(), trainingLog, "extracting " + service);
        List<String> training = new ArrayList<>();
        training.add(ServiceProcess.javaExecutable());
        training.addAll(javaOptions);
        training.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar", extracted.toString()));
        run(training, environment, trainingLog, "training " + service);
        if (!Files.isRegularFile(cache)) {
          throw new IOException("training " + service + " wrote no cache");
        }
      }
      return new Launch(extracted, List.of("-XX:AOTCache=" + cache));
    } catch (IOException | RuntimeException e) {
      System.out.println("  " + service + ": starting without an AOT cache (" + e.getMessage() + "; see " + trainingLog + ")");
      return Launch.plain(jar);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Launch.plain(jar);
    }
  }

  private static void run(List<String> command, Map<String, String> environment, Path log, String what)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(what + " took over " + TRAINING_TIMEOUT_SECONDS + " s");
    }
    if (process.exitValue() != 0) {
      throw new IOException(what + " exited with code " + process.exitValue());
    }
  }

  /** The first 16 hex digits of the jar's SHA-256: a rebuilt jar gets a cache of its own. */
  static String contentKey(Path jar) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(jar), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void removeOtherBuilds(Path cacheRoot, String service) throws IOException {
    if (!Files.isDirectory(cacheRoot)) {
      return;
    }
    try (Stream<Path> entries = Files.list(cacheRoot)) {
      for (Path old : entries.filter(p -> p.getFileName().toString().startsWith(service + "-")).toList()) {
        deleteRecursively(old);
      }
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
