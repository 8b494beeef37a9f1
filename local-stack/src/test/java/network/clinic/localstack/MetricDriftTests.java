package network.clinic.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dashboards and alerts cannot drift from the code: the local stack runs, a patient books,
 * reschedules and cancels through booking-service's API, and every metric name used in
 * ops/grafana/dashboards and ops/prometheus/alerts.yml must be exposed by some service. Then a
 * real Prometheus (ops/prometheus/run-against-local-stack.sh) scrapes the stack and sees the
 * booking in the booking counter.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricDriftTests {

  /** Series Prometheus makes itself, not any service. */
  private static final Set<String> PROMETHEUS_SERIES = Set.of("up", "ALERTS", "ALERTS_FOR_STATE");

  /**
   * Counters this test cannot provoke (a no-show needs an appointment that has started), each
   * with the source file that registers it under its Micrometer name, so a rename still fails.
   */
  private static final Map<String, MeterSource> NOT_PROVOKED =
      Map.of(
          "booking_appointments_no_show_total",
          new MeterSource(
              "booking-service/src/main/java/network/clinic/booking/appointment/AppointmentMetrics.java",
              "\"booking.appointments.no.show\""));

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String CLINIC = "london-camden";

  @TempDir static Path temp;
  private static LocalStack stack;
  private static Process prometheus;
  private static int prometheusPort;
  private static int booked;
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static String tracedAppointmentId;

  @BeforeAll
  static void startStackAndUseIt() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("LOCAL_STACK_DATA", temp.resolve("stack").toString());
    LauncherProcess.PORT_VARIABLES.forEach(name -> env.put(name, String.valueOf(LauncherProcess.freePort())));
    stack = LocalStack.create(env, serviceJarsSnapshot());
    stack.start();
    bookRescheduleCancelAndConflict();
  }

  @AfterAll
  static void stopEverything() throws InterruptedException {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly();
      }
    }
    if (stack != null) {
      stack.stop();
    }
  }

  @Test
  @Order(1)
  void everyMetricInDashboardsAndAlertsIsExposedBySomeService() throws Exception {
    Map<String, Set<String>> usedBy = new TreeMap<>();
    PromQlNames.dashboardExpressions().forEach((where, expr) -> record(usedBy, where, expr));
    PromQlNames.alertExpressions().forEach((where, expr) -> record(usedBy, where, expr));
    assertThat(usedBy).as("metric names found in dashboards and alerts").hasSizeGreaterThan(20);

    for (Map.Entry<String, MeterSource> entry : NOT_PROVOKED.entrySet()) {
      Path source = LauncherProcess.repositoryRoot().resolve(entry.getValue().file());
      assertThat(Files.readString(source))
          .as("%s is registered in %s", entry.getKey(), entry.getValue().file())
          .contains(entry.getValue().meterName());
    }

    // Some meters appear only once the work behind them ran (a message sent, an event relayed).
    Map<String, Set<String>> missing = new TreeMap<>();
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                Set<String> exposed = exposedSampleNames();
                missing.clear();
                usedBy.forEach(
                    (name, where) -> {
                      if (!exposed.contains(name) && !PROMETHEUS_SERIES.contains(name) && !NOT_PROVOKED.containsKey(name)) {
                        missing.put(name, where);
                      }
                    });
                return missing.isEmpty();
              });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      StringBuilder report = new StringBuilder("metric names used in dashboards/alerts that no service exposes:\n");
      missing.forEach((name, where) -> report.append("  ").append(name).append("  (used in ").append(where).append(")\n"));
      fail(report.toString());
    }
  }

  @Test
  @Order(2)
  void realPrometheusScrapesEveryServiceAndSeesTheBooking() throws Exception {
    prometheusPort = LauncherProcess.freePort();
    Path script = LauncherProcess.repositoryRoot().resolve("ops/prometheus/run-against-local-stack.sh");
    Promtool.binary("prometheus");
    ProcessBuilder builder =
        new ProcessBuilder("bash", script.toString())
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("prometheus.log").toFile());
    builder.environment().put("BOOKING_PORT", String.valueOf(stack.settings().bookingPort()));
    builder.environment().put("NOTIFICATION_PORT", String.valueOf(stack.settings().notificationPort()));
    builder.environment().put("CONTENT_PORT", String.valueOf(stack.settings().contentPort()));
    builder.environment().put("PROMETHEUS_PORT", String.valueOf(prometheusPort));
    builder.environment().put("PROMETHEUS_DATA", temp.resolve("prometheus").toString());
    builder.environment().put("SCRAPE_INTERVAL", "1s");
    prometheus = builder.start();

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .failFast("prometheus exited, see " + temp.resolve("prometheus.log"), () -> !prometheus.isAlive())
        // Until Prometheus listens, its port refuses connections; on a busy machine that can
        // outlast the first poll
        .ignoreExceptionsInstanceOf(ConnectException.class)
        .untilAsserted(
            () -> {
              JsonNode targets = prometheusApi("/api/v1/targets").path("data").path("activeTargets");
              List<String> health = new ArrayList<>();
              targets.forEach(t -> health.add(t.path("labels").path("service").asString() + "=" + t.path("health").asString()));
              assertThat(health)
                  .containsExactlyInAnyOrder("booking-service=up", "notification-service=up", "content-service=up");
            });

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonNode result =
                  prometheusApi("/api/v1/query?query=sum(booking_appointments_booked_total%7Bclinic%3D%22" + CLINIC + "%22%7D)")
                      .path("data").path("result");
              assertThat(result).as("query result").hasSize(1);
              assertThat(Double.parseDouble(result.get(0).path("value").get(1).asString())).isEqualTo(booked);
            });

    JsonNode rules = prometheusApi("/api/v1/rules").path("data").path("groups");
    List<String> ruleHealth = new ArrayList<>();
    rules.forEach(g -> g.path("rules").forEach(r -> ruleHealth.add(r.path("name").asString() + "=" + r.path("health").asString())));
    assertThat(ruleHealth).as("alert rules loaded from alerts.yml").hasSizeGreaterThanOrEqualTo(8)
        .allSatisfy(rule -> assertThat(rule).doesNotEndWith("=err"));
  }

  @Test
  @Order(3)
  void oneTraceRunsFromTheBookingRequestThroughKafkaToTheMailSent() throws Exception {
    Path logs = stack.settings().logDirectory();
    await("notification-service logs the confirmation's send in the booking request's trace")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(Files.readAllLines(logs.resolve("notification-service.log")))
            .anySatisfy(line -> assertThat(line).contains(TRACE_ID).contains("Sent message").contains("CONFIRMATION").contains(tracedAppointmentId)));
    assertThat(Files.readAllLines(logs.resolve("booking-service.log").toAbsolutePath()))
        .as("booking-service logs the booking in the same trace")
        .anySatisfy(line -> assertThat(line).contains(TRACE_ID).contains(tracedAppointmentId));
  }

  private static void record(Map<String, Set<String>> usedBy, String where, String expression) {
    PromQlNames.metricNames(expression).forEach(name -> usedBy.computeIfAbsent(name, n -> new TreeSet<>()).add(where));
  }

  /** Sample names (histogram buckets included) as the three services expose them right now. */
  private static Set<String> exposedSampleNames() throws Exception {
    Set<String> names = new TreeSet<>();
    for (int port : List.of(stack.settings().bookingPort(), stack.settings().notificationPort(), stack.settings().contentPort())) {
      String body = get("http://localhost:" + port + "/actuator/prometheus");
      body.lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("[{ ]", 2)[0])
          .forEach(names::add);
    }
    return names;
  }

  /** Two bookings, a reschedule, a cancellation and a refused double booking: the counters exist. */
  private static void bookRescheduleCancelAndConflict() throws Exception {
    String booking = "http://localhost:" + stack.settings().bookingPort();
    JsonNode treatments = JSON.readTree(get(booking + "/api/v1/clinics/" + CLINIC + "/treatments"));
    String treatment = treatments.get(0).path("id").asString();
    LocalDate from = LocalDate.now(ZoneOffset.UTC).plusDays(3);
    JsonNode slots =
        JSON.readTree(get(booking + "/api/v1/clinics/" + CLINIC + "/availability?treatmentId=" + treatment
                + "&from=" + from + "&to=" + from.plusDays(7)))
            .path("slots");
    // Three slots of one practitioner at least an hour apart, so none overlaps another (buffers included)
    List<JsonNode> chosen = new ArrayList<>();
    for (JsonNode slot : slots) {
      Instant start = Instant.parse(slot.path("start").asString());
      boolean samePractitioner =
          chosen.isEmpty() || chosen.get(0).path("practitionerId").asString().equals(slot.path("practitionerId").asString());
      boolean apart =
          chosen.stream().allMatch(c -> Duration.between(Instant.parse(c.path("start").asString()), start).abs().toMinutes() >= 60);
      if (samePractitioner && apart) {
        chosen.add(slot);
      }
    }
    assertThat(chosen).as("free slots an hour apart in %s", CLINIC).hasSizeGreaterThanOrEqualTo(4);

    JsonNode first = book(booking, treatment, chosen.get(0), 201);
    // A booking left alone (so its confirmation is not superseded by a change) arrives inside a
    // trace we start, as if from a traced clinic website
    JsonNode traced = JSON.readTree(post(booking + "/api/v1/appointments", null,
        bookingBody(treatment, chosen.get(3)), 201, "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));
    tracedAppointmentId = traced.path("id").asString();
    JsonNode second = book(booking, treatment, chosen.get(1), 201);
    booked = 3;
    post(booking + "/api/v1/appointments/" + first.path("id").asString() + "/reschedule", first.path("manageToken").asString(),
        "{\"start\":\"" + chosen.get(2).path("start").asString() + "\"}", 200);
    post(booking + "/api/v1/appointments/" + second.path("id").asString() + "/cancel", second.path("manageToken").asString(),
        "{\"reason\":\"metric drift test\"}", 200);
    book(booking, treatment, chosen.get(2), 409);
  }

  private static JsonNode book(String booking, String treatment, JsonNode slot, int expectedStatus) throws Exception {
    return JSON.readTree(post(booking + "/api/v1/appointments", null, bookingBody(treatment, slot), expectedStatus));
  }

  private static String bookingBody(String treatment, JsonNode slot) {
    return
        "{\"clinicId\":\"" + CLINIC + "\",\"treatmentId\":\"" + treatment + "\",\"practitionerId\":\""
            + slot.path("practitionerId").asString() + "\",\"start\":\"" + slot.path("start").asString()
            + "\",\"patient\":{\"name\":\"Drift Test\",\"email\":\"drift@example.org\",\"consent\":{\"email\":true,\"sms\":false}}}";
  }

  private static String post(String url, String manageToken, String body, int expectedStatus) throws Exception {
    return post(url, manageToken, body, expectedStatus, null);
  }

  private static String post(String url, String manageToken, String body, int expectedStatus, String traceparent)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (manageToken != null) {
      request.header("X-Manage-Token", manageToken);
    }
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s: %s", url, response.body()).isEqualTo(expectedStatus);
    return response.body();
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response =
        HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
    return response.body();
  }

  private static JsonNode prometheusApi(String path) throws Exception {
    return JSON.readTree(get("http://127.0.0.1:" + prometheusPort + path));
  }

  /**
   * The services' jars copied to a temporary repository layout, so a parallel rebuild of a
   * service (which rewrites its jar in place) cannot break the JVMs this test starts.
   */
  private static Path serviceJarsSnapshot() throws IOException {
    Path root = temp.resolve("jars");
    for (String service : List.of("booking-service", "notification-service", "content-service")) {
      Path jar = LauncherProcess.repositoryRoot().resolve(service).resolve("target").resolve(service + ".jar");
      if (!Files.isRegularFile(jar)) {
        fail(jar + " is missing: build the services first (./mvnw -B -Dmaven.test.skip=true package)");
      }
      Path copy = root.resolve(service).resolve("target").resolve(service + ".jar");
      Files.createDirectories(copy.getParent());
      Files.copy(jar, copy);
    }
    return root;
  }

  private record MeterSource(String file, String meterName) {}
}
