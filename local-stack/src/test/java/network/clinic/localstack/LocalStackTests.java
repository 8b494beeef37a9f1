package network.clinic.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import network.clinic.events.AppointmentEvent;
import network.clinic.events.AppointmentEventJson;
import network.clinic.events.AppointmentEventSchemas;
import network.clinic.events.EventType;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, end to end: the whole stack comes up healthy, a Kafka record leaves
 * booking-service and reaches notification-service, SIGTERM stops every process and frees every
 * port, and the MongoDB data is still there afterwards. Killed outright, the launcher still
 * leaves no service behind.
 */
class LocalStackTests {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  @TempDir Path temp;

  @Test
  void runsTheWholeSystemPassesAnEventBetweenServicesAndStopsWithoutLeftovers() throws Exception {
    try (LauncherProcess launcher = new LauncherProcess(temp.resolve("stack"))) {
      launcher.env.put("SERVICE_AOT_CACHE", "on"); // as run-local.sh sets it
      Process process = launcher.start();
      await("stack ready").atMost(START_TIMEOUT).pollInterval(Duration.ofSeconds(1))
          .failFast("launcher exited: " + launcher.stderr(), () -> !process.isAlive())
          .until(() -> launcher.stdout().contains(LocalStack.READY_LINE));

      for (String service : List.of("BOOKING_PORT", "NOTIFICATION_PORT", "CONTENT_PORT")) {
        assertThat(httpGet(launcher.port(service), "/actuator/health/readiness")).isEqualTo(200);
      }
      assertThat(httpGet(launcher.port("MAIL_VIEWER_PORT"), "/")).isEqualTo(200);
      assertThat(launcher.stdout()).contains("swagger-ui.html").contains("staff of london-camden");
      // The printed staff token is the one in the file, and booking-service accepts it
      String camdenToken = launcher.stdout().lines()
          .dropWhile(line -> !line.contains("staff of london-camden")).skip(1).findFirst().orElseThrow().trim();
      assertThat(Files.readString(launcher.dataDirectory.resolve("dev-tokens.txt"))).contains(camdenToken);
      assertThat(httpGet(launcher.port("BOOKING_PORT"), "/api/v1/clinics/london-camden/appointments?date=" + LocalDate.now(), camdenToken))
          .isEqualTo(200);
      assertThat(httpGet(launcher.port("BOOKING_PORT"), "/api/v1/clinics/london-camden/appointments?date=" + LocalDate.now())).isEqualTo(401);
      // content-service keeps its search index in the data folder, committed once built
      try (var index = Files.list(launcher.dataDirectory.resolve("content-search-index"))) {
        assertThat(index.map(file -> file.getFileName().toString())).anyMatch(name -> name.startsWith("segments_"));
      }
      assertAotCachesUsed(launcher, process);

      String mongoUri = "mongodb://127.0.0.1:" + launcher.port("MONGODB_PORT");
      AppointmentEvent event = bookedEvent();
      try (MongoClient mongo = MongoClients.create(mongoUri)) {
        appointments(mongo).insertOne(appointmentWithPendingEvent(event));

        MongoCollection<Document> received = mongo.getDatabase("notification").getCollection("received_events");
        await("notification-service received the event booking-service published")
            .atMost(Duration.ofSeconds(60))
            .until(() -> received.countDocuments(new Document("_id", event.eventId().toString())) == 1);
        await("booking-service removed the event from its outbox after the broker's ack")
            .atMost(Duration.ofSeconds(10))
            .until(() -> appointments(mongo).find(new Document("_id", event.appointmentId())).first().getList("outbox", Document.class, List.of()).isEmpty());
      }

      List<ProcessHandle> children = process.descendants().toList();
      assertThat(children).hasSize(3);

      int exitCode = launcher.terminate(Duration.ofSeconds(60));

      assertThat(exitCode).isIn(0, 143);
      await().atMost(Duration.ofSeconds(5)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
      for (String variable : LauncherProcess.PORT_VARIABLES) {
        assertThat(PortCheck.isFree(launcher.port(variable))).as(variable + " released").isTrue();
      }
      assertThat(Files.readString(launcher.dataDirectory.resolve("logs/booking-service.log"))).contains("Graceful shutdown complete");

      assertDataSurvivesRestart(launcher.dataDirectory, event.appointmentId());
    }
  }

  @Test
  void servicesStopByThemselvesWhenTheLauncherIsKilledOutright() throws Exception {
    try (LauncherProcess launcher = new LauncherProcess(temp.resolve("killed"))) {
      Process process = launcher.start();
      await("stack ready").atMost(START_TIMEOUT).pollInterval(Duration.ofSeconds(1))
          .failFast("launcher exited: " + launcher.stderr(), () -> !process.isAlive())
          .until(() -> launcher.stdout().contains(LocalStack.READY_LINE));
      List<ProcessHandle> services = process.descendants().toList();
      assertThat(services).hasSize(3);

      process.destroyForcibly(); // SIGKILL: no shutdown hook runs in the launcher
      Instant killed = Instant.now();

      try {
        await("every service JVM gone").atMost(Duration.ofSeconds(60)).until(() -> services.stream().noneMatch(ProcessHandle::isAlive));
      } finally {
        services.forEach(ProcessHandle::destroyForcibly); // the launcher's close() no longer sees them
      }
      System.out.printf("services stopped %d ms after the launcher was killed%n", Duration.between(killed, Instant.now()).toMillis());
      for (String service : List.of("BOOKING_PORT", "NOTIFICATION_PORT", "CONTENT_PORT")) {
        assertThat(PortCheck.isFree(launcher.port(service))).as(service + " released").isTrue();
      }
      assertThat(Files.readString(launcher.dataDirectory.resolve("logs/content-service.log")))
          .contains("Process " + process.pid() + ", which this service stops with, has exited");
    }
  }

  @Test
  void takenPortStopsTheStartWithAMessageNamingThePortAndItsOwner() throws Exception {
    try (LauncherProcess launcher = new LauncherProcess(temp.resolve("conflict"));
        java.net.ServerSocket taken = new java.net.ServerSocket()) {
      taken.bind(new java.net.InetSocketAddress("127.0.0.1", launcher.port("MONGODB_PORT")));
      Process process = launcher.start();

      assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

      assertThat(process.exitValue()).isEqualTo(1);
      assertThat(launcher.stderr())
          .contains("Port " + launcher.port("MONGODB_PORT") + " is already in use")
          .contains("MongoDB-wire server")
          .contains("MONGODB_PORT=");
      assertThat(launcher.stdout()).doesNotContain("Infrastructure up");
      assertThat(PortCheck.isFree(launcher.port("KAFKA_PORT"))).isTrue();
    }
  }

  /** With JDK 25+ every service trains its cache and starts from it; older JDKs start plainly. */
  private static void assertAotCachesUsed(LauncherProcess launcher, Process process) throws Exception {
    if (Runtime.version().feature() < AotCache.FIRST_JDK_WITH_AOT_CACHE) {
      assertThat(launcher.stdout()).contains("AOT caches ready for 0 of 3 services");
      return;
    }
    assertThat(launcher.stdout()).contains("AOT caches ready for 3 of 3 services");
    for (String service : List.of("booking-service", "notification-service", "content-service")) {
      try (var caches = Files.list(launcher.dataDirectory.resolve("aot-cache"))) {
        assertThat(caches.filter(dir -> dir.getFileName().toString().startsWith(service + "-")).toList())
            .singleElement()
            .satisfies(dir -> assertThat(dir.resolve("app.aot")).isNotEmptyFile());
      }
    }
    assertThat(process.descendants().map(p -> p.info().commandLine().orElse("")).toList())
        .hasSize(3)
        .allSatisfy(command -> assertThat(command).contains("-XX:AOTCache="));
  }

  private static void assertDataSurvivesRestart(Path dataDirectory, String appointmentId) {
    int port = LauncherProcess.freePort();
    try (MongoWireServer reopened = new MongoWireServer(dataDirectory.resolve("mongodb/data.mv"), port);
        MongoClient mongo = startAndConnect(reopened, port)) {
      assertThat(appointments(mongo).countDocuments(new Document("_id", appointmentId))).isEqualTo(1);
    }
  }

  private static MongoClient startAndConnect(MongoWireServer server, int port) {
    server.start();
    return MongoClients.create("mongodb://127.0.0.1:" + port);
  }

  private static MongoCollection<Document> appointments(MongoClient mongo) {
    return mongo.getDatabase("booking").getCollection("appointments");
  }

  /** The contract's own example, with fresh ids so reruns never meet an old record. */
  private static AppointmentEvent bookedEvent() {
    AppointmentEvent example = AppointmentEventJson.read(AppointmentEventSchemas.example(EventType.BOOKED));
    return new AppointmentEvent(
        UUID.randomUUID(), example.type(), "stack-test-" + UUID.randomUUID(), 1, Instant.now(),
        example.clinic(), example.practitioner(), example.treatment(), example.time(), example.patient(),
        example.manageUrl(), null, null);
  }

  // The outbox shape booking-service writes with every appointment change (see its README section).
  private static Document appointmentWithPendingEvent(AppointmentEvent event) {
    Date occurredAt = Date.from(event.occurredAt());
    Document entry =
        new Document("eventId", event.eventId().toString())
            .append("type", event.type().cloudEventType())
            .append("occurredAt", occurredAt)
            .append("payload", AppointmentEventJson.write(event));
    return new Document("_id", event.appointmentId())
        .append("outbox", List.of(entry))
        .append("outboxPendingSince", occurredAt);
  }

  private static int httpGet(int port, String path) throws Exception {
    return httpGet(port, path, null);
  }

  private static int httpGet(int port, String path, String bearerToken) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5));
      if (bearerToken != null) {
        request.header("Authorization", "Bearer " + bearerToken);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }
}
