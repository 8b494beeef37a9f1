package network.clinic.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: a Kafka broker, a MongoDB-wire server and an SMTP server in this JVM,
 * and each service in a JVM of its own. Stops everything on Ctrl-C or SIGTERM.
 */
public final class LocalStack {

  static final String READY_LINE = "Clinic Network is running.";
  private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(180);

  private final StackSettings settings;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final List<ServiceProcess> services = new ArrayList<>();
  private final Map<String, Map<String, String>> extraServiceEnvironment = new HashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private MongoWireServer mongo;
  private MailServer mail;
  private KafkaBroker kafka;
  private List<DevTokens.DevToken> devTokens = List.of();

  LocalStack(StackSettings settings) {
    this.settings = settings;
  }

  /**
   * The stack for programs that drive it, such as system tests and benchmarks: configured like
   * run-local.sh from {@code env}, started with {@link #start()}, with each part reachable so it
   * can be stopped and started again.
   */
  public static LocalStack create(Map<String, String> env, Path repositoryRoot) {
    return new LocalStack(StackSettings.from(env, repositoryRoot));
  }

  /** Extra environment for one service's JVM (e.g. a profile); call before {@link #start()}. */
  public LocalStack withServiceEnvironment(String service, Map<String, String> environment) {
    extraServiceEnvironment.computeIfAbsent(service, name -> new HashMap<>()).putAll(environment);
    return this;
  }

  public static void main(String[] args) {
    StackSettings settings;
    try {
      settings = StackSettings.from(System.getenv(), Path.of("").toAbsolutePath());
    } catch (StackStartException e) {
      System.err.println("local stack: " + e.getMessage());
      System.exit(2);
      return;
    }
    // Before anything logs: the infrastructure's logs go to a file under the data folder.
    System.setProperty("localstack.logs", settings.logDirectory().toString());
    LocalStack stack = new LocalStack(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
    try {
      stack.start();
    } catch (StackStartException e) {
      System.err.println("local stack: " + e.getMessage());
      System.exit(1);
    }
    stack.awaitStop();
  }

  /** Starts everything and returns once all services are ready; prints the summary. */
  public void start() {
    Instant began = Instant.now();
    PortCheck.requireFree(settings.portClaims());
    createDirectories();

    mongo = new MongoWireServer(settings.dataDirectory().resolve("mongodb/data.mv"), settings.mongoPort());
    mongo.start();
    running.push(mongo);
    mail = new MailServer(settings.smtpPort(), settings.mailViewerPort());
    mail.start();
    running.push(mail);
    kafka =
        new KafkaBroker(settings.dataDirectory().resolve("kafka/logs"), settings.kafkaPort(), settings.kafkaControllerPort());
    kafka.start();
    running.push(kafka);
    System.out.printf("Infrastructure up in %.1f s; starting services...%n", seconds(began));

    services.add(service("booking-service", settings.bookingPort(), "booking", Map.of()));
    services.add(service("notification-service", settings.notificationPort(), "notification", Map.of()));
    // Its search index on disk: a restart reads only the articles changed meanwhile
    services.add(service("content-service", settings.contentPort(), "content",
        Map.of("CONTENT_SEARCH_INDEX_DIR", settings.contentSearchIndexDirectory().toString())));
    if (settings.aotCache()) {
      prepareAotCaches();
    }
    services.forEach(ServiceProcess::start);
    services.forEach(running::push);
    awaitAllReady();

    devTokens = DevTokens.mint(settings.staffJwtSecret(), Instant.now());
    Path tokenFile = writeTokens(devTokens);
    System.out.println(Summary.render(settings, services, devTokens, tokenFile, seconds(began)));
    System.out.println(READY_LINE);
  }

  public StackSettings settings() {
    return settings;
  }

  public KafkaBroker kafka() {
    return kafka;
  }

  public MongoWireServer mongo() {
    return mongo;
  }

  public MailServer mail() {
    return mail;
  }

  /** A running service by name, e.g. {@code "notification-service"}. */
  public ServiceProcess service(String name) {
    return services.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service " + name));
  }

  /** The staff tokens printed in the summary: network admin first, then one per demo clinic. */
  public List<DevTokens.DevToken> devTokens() {
    return devTokens;
  }

  private ServiceProcess service(String name, int port, String database, Map<String, String> own) {
    Map<String, String> env = new HashMap<>(
        Map.of(
            "SERVER_PORT", String.valueOf(port),
            "KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers(),
            "MONGODB_URI", settings.mongoUri(database),
            "SMTP_HOST", "127.0.0.1",
            "SMTP_PORT", String.valueOf(settings.smtpPort()),
            "STAFF_JWT_SECRET", settings.staffJwtSecret(),
            // a launcher killed with SIGKILL runs no shutdown hook; the services then stop themselves
            "STOP_WITH_PROCESS", String.valueOf(ProcessHandle.current().pid()),
            // glibc would otherwise keep a malloc arena per busy thread: tens of MB of RSS each JVM
            "MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2")));
    env.putAll(own);
    env.putAll(extraServiceEnvironment.getOrDefault(name, Map.of()));
    Path jar = settings.repositoryRoot().resolve(name).resolve("target").resolve(name + ".jar");
    List<String> javaOptions = Arrays.stream(settings.serviceJavaOptions().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    return new ServiceProcess(name, jar, port, env, javaOptions, settings.logDirectory().resolve(name + ".log"));
  }

  private void prepareAotCaches() {
    Instant began = Instant.now();
    System.out.println("Preparing the services' AOT caches (the first start after a build trains them, about a minute)...");
    CompletableFuture.allOf(
            services.stream()
                .map(s -> CompletableFuture.runAsync(() -> s.useAotCache(settings.aotCacheDirectory())))
                .toArray(CompletableFuture[]::new))
        .join();
    long cached = services.stream().filter(ServiceProcess::startsFromAotCache).count();
    System.out.printf("AOT caches ready for %d of %d services in %.1f s (trained once per build).%n", cached, services.size(), seconds(began));
  }

  // The three JVMs start side by side; waiting in parallel keeps a slow one from hiding a dead one.
  private void awaitAllReady() {
    try {
      CompletableFuture.allOf(
              services.stream()
                  .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(SERVICE_START_TIMEOUT)))
                  .toArray(CompletableFuture[]::new))
          .join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof StackStartException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private void createDirectories() {
    try {
      Files.createDirectories(settings.logDirectory());
    } catch (IOException e) {
      throw new StackStartException("cannot create the data folder " + settings.dataDirectory() + ": " + e.getMessage(), e);
    }
  }

  private Path writeTokens(List<DevTokens.DevToken> tokens) {
    Path file = settings.dataDirectory().resolve("dev-tokens.txt");
    StringBuilder text = new StringBuilder("# Staff bearer tokens for the local stack (valid 30 days)\n");
    tokens.forEach(t -> text.append("# ").append(t.description()).append('\n').append(t.token()).append('\n'));
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new StackStartException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  public void awaitStop() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Services first (in parallel, each gracefully), then the infrastructure they use. */
  public synchronized void stop() {
    if (stopped.getCount() == 0) {
      return;
    }
    CompletableFuture.allOf(
            services.stream().map(s -> CompletableFuture.runAsync(s::close)).toArray(CompletableFuture[]::new))
        .join();
    while (!running.isEmpty()) {
      AutoCloseable next = running.pop();
      try {
        next.close();
      } catch (Exception e) {
        System.err.println("local stack: while stopping: " + e.getMessage());
      }
    }
    stopped.countDown();
  }

  private static double seconds(Instant since) {
    return Duration.between(since, Instant.now()).toMillis() / 1000.0;
  }
}
