package network.clinic.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where everything listens and lives. Every value can be overridden by an environment variable,
 * so a second stack (or a test) can run beside the default one.
 */
public record StackSettings(
    Path repositoryRoot,
    Path dataDirectory,
    int kafkaPort,
    int kafkaControllerPort,
    int mongoPort,
    int smtpPort,
    int mailViewerPort,
    int bookingPort,
    int notificationPort,
    int contentPort,
    String staffJwtSecret,
    String serviceJavaOptions,
    boolean aotCache) {

  /** The options each service JVM gets unless SERVICE_JAVA_OPTS says otherwise (see below). */
  public static final String DEFAULT_SERVICE_JAVA_OPTIONS = defaultServiceJavaOptions(Runtime.version());

  /**
   * Small footprints for three JVMs on a laptop: the serial collector (no GC threads to feed), a
   * 128 MB heap, and out-of-memory ends the JVM instead of leaving it half-working. Each service's
   * live heap after a full GC is under 50 MB (content-service with 10,000 articles: 41–48 MB), but
   * under sustained load the old generation fills before each full GC, so every page of the maximum
   * heap is touched and stays resident: the maximum is what sets RSS. Native memory tracking of
   * content-service after the benchmark with 160 MB: heap 160, JDK AOT cache 94, compiled code
   * 66–78, metaspace 27 MB, RSS 430 MB; with 128 MB its RSS was 388 MB. (Heap free-ratio bounds do
   * not help: the initial heap is 1/64 of the machine's memory, at least the maximum here, so the
   * heap never shrinks; with a 64 MB initial heap it grew back to the maximum under the benchmark.)
   *
   * <p>The JVM also hands freed C heap back every 5 s: glibc keeps it otherwise (compiler arenas
   * after a burst of compilation, among others). Trimming by hand after the benchmark's booking
   * rows took booking-service from 353 to 324 MB, notification-service 339 to 322, content-service
   * 280 to 251. The switch is a product flag from JDK 21.0.4 on (experimental before, absent in
   * 21.0.0), so older JDK 21 builds go without it; services run on the launcher's own JDK.
   */
  static String defaultServiceJavaOptions(Runtime.Version jdk) {
    String options = "-XX:+UseSerialGC -Xmx128m -XX:+ExitOnOutOfMemoryError";
    boolean trimIsAProductFlag = jdk.compareToIgnoreOptional(Runtime.Version.parse("21.0.4")) >= 0;
    return trimIsAProductFlag ? options + " -XX:TrimNativeHeapInterval=5000" : options;
  }

  static final String DEFAULT_STAFF_JWT_SECRET = "local-dev-only-secret-change-me-0123456789abcdef";

  public static StackSettings from(Map<String, String> env, Path repositoryRoot) {
    return new StackSettings(
        repositoryRoot,
        Path.of(env.getOrDefault("LOCAL_STACK_DATA", repositoryRoot.resolve(".local-stack").toString()))
            .toAbsolutePath(),
        port(env, "KAFKA_PORT", 9092),
        port(env, "KAFKA_CONTROLLER_PORT", 9093),
        port(env, "MONGODB_PORT", 27017),
        port(env, "SMTP_PORT", 2525),
        port(env, "MAIL_VIEWER_PORT", 8025),
        port(env, "BOOKING_PORT", 8081),
        port(env, "NOTIFICATION_PORT", 8082),
        port(env, "CONTENT_PORT", 8083),
        env.getOrDefault("STAFF_JWT_SECRET", DEFAULT_STAFF_JWT_SECRET),
        env.getOrDefault("SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTIONS),
        List.of("on", "true").contains(env.getOrDefault("SERVICE_AOT_CACHE", "off").toLowerCase(Locale.ROOT)));
  }

  /** The repository root: the nearest folder at or above {@code start} that holds {@code mvnw}. */
  public static Path repositoryRootAbove(Path start) {
    Path dir = start.toAbsolutePath();
    while (dir != null && !java.nio.file.Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("repository root (with mvnw) not found above " + start.toAbsolutePath());
    }
    return dir;
  }

  /** What each port is for, in the order they are checked, for a clear "port taken" message. */
  List<PortClaim> portClaims() {
    return List.of(
        new PortClaim(kafkaPort, "Kafka broker", "KAFKA_PORT"),
        new PortClaim(kafkaControllerPort, "Kafka KRaft controller", "KAFKA_CONTROLLER_PORT"),
        new PortClaim(mongoPort, "MongoDB-wire server", "MONGODB_PORT"),
        new PortClaim(smtpPort, "SMTP server", "SMTP_PORT"),
        new PortClaim(mailViewerPort, "mail viewer", "MAIL_VIEWER_PORT"),
        new PortClaim(bookingPort, "booking-service", "BOOKING_PORT"),
        new PortClaim(notificationPort, "notification-service", "NOTIFICATION_PORT"),
        new PortClaim(contentPort, "content-service", "CONTENT_PORT"));
  }

  public String kafkaBootstrapServers() {
    return "127.0.0.1:" + kafkaPort;
  }

  public String mongoUri(String database) {
    return "mongodb://127.0.0.1:" + mongoPort + "/" + database;
  }

  /** AOT caches of the services' builds (see {@link AotCache}); kept across runs. */
  public Path aotCacheDirectory() {
    return dataDirectory.resolve("aot-cache");
  }

  /** content-service's search index, kept across runs like the database it is built from. */
  public Path contentSearchIndexDirectory() {
    return dataDirectory.resolve("content-search-index");
  }

  public Path logDirectory() {
    return dataDirectory.resolve("logs");
  }

  public record PortClaim(int port, String owner, String variable) {}

  private static int port(Map<String, String> env, String name, int defaultPort) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return defaultPort;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new StackStartException(name + "=" + value + " is not a TCP port (1-65535)");
    }
  }
}
