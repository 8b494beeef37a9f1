package network.clinic.notification.message;

import static network.clinic.notification.AppointmentEvents.aBooking;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import network.clinic.events.AppointmentEventJson;
import network.clinic.notification.AppointmentEvents;
import network.clinic.notification.NotificationScenarioSupport;
import network.clinic.notification.StaffTokens;
import network.clinic.notification.retention.RetentionJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What staff and operations see: the notifications API over real HTTP with real staff tokens
 * (clinic-scoped, no message content), the metrics, retention, and the committed OpenAPI document.
 */
abstract class StaffApiScenarios extends NotificationScenarioSupport {

  private static final String CLINIC = "clinic-islington";
  private static final Path COMMITTED_OPENAPI =
      Path.of(System.getProperty("basedir", "."), "openapi.json");

  @LocalServerPort int port;
  @Autowired MessageMetrics messageMetrics;
  @Autowired RetentionJob retention;

  private RestClient http;

  @BeforeEach
  void connectHttp() {
    http = RestClient.builder()
        .baseUrl("http://127.0.0.1:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
        .build();
  }

  @Test
  void staffOfTheClinicSeeEachMessagesStatusAndTimesButNoContent() {
    String phone = freshPhone();
    AppointmentEvents.Builder booked = aBooking().consent(true, true).phone(phone);
    send(booked);
    awaitMessage(booked.appointmentId(), "EMAIL", "CONFIRMATION", status("SENT"));
    awaitMessage(booked.appointmentId(), "SMS", "CONFIRMATION", status("SENT"));

    ResponseEntity<String> response = notifications(booked.appointmentId(), staffOf(CLINIC));

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("appointmentId").asString()).isEqualTo(booked.appointmentId());
    assertThat(body.get("clinicId").asString()).isEqualTo(CLINIC);
    assertThat(body.get("notifications")).hasSize(4);
    JsonNode confirmation = find(body, "EMAIL", "CONFIRMATION");
    assertThat(confirmation.get("status").asString()).isEqualTo("SENT");
    assertThat(confirmation.get("attempts").asInt()).isEqualTo(1);
    assertThat(confirmation.get("eventId").asString()).isEqualTo(booked.eventId().toString());
    assertThat(Instant.parse(confirmation.get("acceptedAt").asString())).isEqualTo(BASE);
    assertThat(Instant.parse(confirmation.get("createdAt").asString())).isEqualTo(BASE);
    assertThat(find(body, "SMS", "CONFIRMATION").get("status").asString()).isEqualTo("SENT");
    JsonNode reminder = find(body, "EMAIL", "REMINDER");
    assertThat(reminder.get("status").asString()).isEqualTo("PENDING");
    assertThat(reminder.get("attempts").asInt()).isZero();
    assertThat(Instant.parse(reminder.get("dueAt").asString()))
        .isEqualTo(Instant.parse("2026-06-15T08:30:00Z"));
    assertThat(find(body, "SMS", "REMINDER").get("status").asString()).isEqualTo("PENDING");
    assertThat(response.getBody())
        .doesNotContain(booked.patientEmail())
        .doesNotContain(phone)
        .doesNotContain("Jordan")
        .doesNotContain("token=")
        .doesNotContain("payload");
  }

  @Test
  void staffOfAnotherClinicCannotTellTheAppointmentFromAnUnknownOne() {
    AppointmentEvents.Builder booked = aBooking().consent(true, false);
    send(booked);
    awaitMessage(booked.appointmentId(), "EMAIL", "CONFIRMATION", status("SENT"));

    ResponseEntity<String> others =
        notifications(booked.appointmentId(), staffOf("clinic-camden"));
    ResponseEntity<String> unknown = notifications("apt-unknown", staffOf("clinic-camden"));

    assertThat(others.getStatusCode().value()).isEqualTo(404);
    assertThat(others.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(others.getBody()).doesNotContain("CONFIRMATION");
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(json(others)).as("the same problem document").isEqualTo(json(unknown));
  }

  @Test
  void networkAdminsSeeEveryClinic() {
    AppointmentEvents.Builder booked = aBooking().consent(true, false).clinicId("clinic-camden");
    send(booked);
    awaitMessage(booked.appointmentId(), "EMAIL", "CONFIRMATION", status("SENT"));

    ResponseEntity<String> response =
        notifications(booked.appointmentId(), StaffTokens.networkAdmin());

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(json(response).get("clinicId").asString()).isEqualTo("clinic-camden");
    assertThat(notifications(booked.appointmentId(), staffOf("clinic-camden"))
        .getStatusCode().value()).isEqualTo(200);
    assertThat(notifications(booked.appointmentId(), staffOf(CLINIC))
        .getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void withoutAStaffTokenTheAnswerIs401() {
    ResponseEntity<String> response = notifications("apt-anything", null);

    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(json(response).get("type").asString())
        .isEqualTo("https://clinic.network/problems/unauthorized");
  }

  @Test
  void anAppointmentWithoutMessagesIs404() {
    ResponseEntity<String> response = notifications("apt-unknown", staffOf(CLINIC));

    assertThat(response.getStatusCode().value()).isEqualTo(404);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(json(response).get("type").asString())
        .isEqualTo("https://clinic.network/problems/notifications-not-found");
  }

  @Test
  void aMissingOrOverlongAppointmentIdIs400() {
    ResponseEntity<String> missing = http.get().uri("/api/v1/notifications")
        .header(HttpHeaders.AUTHORIZATION, staffOf(CLINIC)).retrieve().toEntity(String.class);
    ResponseEntity<String> overlong = notifications("x".repeat(129), staffOf(CLINIC));

    assertThat(missing.getStatusCode().value()).isEqualTo(400);
    assertThat(json(missing).get("type").asString())
        .isEqualTo("https://clinic.network/problems/invalid-parameter");
    assertThat(json(missing).get("detail").asString()).contains("appointmentId");
    assertThat(overlong.getStatusCode().value()).isEqualTo(400);
    assertThat(json(overlong).get("type").asString())
        .isEqualTo("https://clinic.network/problems/invalid-parameter");
    assertThat(overlong.getBody()).doesNotContain("xxxx");
  }

  @Test
  void aMessageThatFailedForGoodShowsAsFailed() {
    smtp.stop();
    AppointmentEvents.Builder booked = aBooking().consent(false, false);
    send(booked);
    for (int attempt = 1; attempt < 3; attempt++) {
      int tried = attempt;
      // Over, not only started: the next attempt is scheduled from when this one failed.
      awaitMessage(booked.appointmentId(), "EMAIL", "CONFIRMATION",
          message -> message.getInteger("attempts") == tried && !message.containsKey("leaseOwner"));
      CLOCK.advance(Duration.ofSeconds(25));
    }
    awaitMessage(booked.appointmentId(), "EMAIL", "CONFIRMATION", status("FAILED"));

    JsonNode confirmation = find(
        json(notifications(booked.appointmentId(), staffOf(CLINIC))), "EMAIL", "CONFIRMATION");

    assertThat(confirmation.get("status").asString()).isEqualTo("FAILED");
    assertThat(confirmation.get("attempts").asInt()).isEqualTo(3);
    assertThat(confirmation.get("lastError").asString())
        .startsWith("DeliveryException (SMTP did not accept the message) < MailSendException");
    assertThat(confirmation.get("nextAttemptAt").isNull()).isTrue();
  }

  @Test
  void prometheusShowsSentFailedBacklogLatencyAndDeadLetters() {
    // Happened two seconds before it is sent (the scenarios' clock stands still meanwhile).
    AppointmentEvents.Builder sent = aBooking().consent(true, false).occurredAt(BASE.minusSeconds(2));
    send(sent);
    awaitMessage(sent.appointmentId(), "EMAIL", "CONFIRMATION", status("SENT"));
    smtp.stop();
    AppointmentEvents.Builder waiting = aBooking().consent(false, false);
    send(waiting);
    awaitMessage(waiting.appointmentId(), "EMAIL", "CONFIRMATION",
        message -> message.getInteger("attempts") == 1 && !message.containsKey("leaseOwner"));
    CLOCK.advance(Duration.ofMinutes(5));

    messageMetrics.refresh();
    String scrape = http.get().uri("/actuator/prometheus").retrieve().body(String.class);

    assertThat(scrape)
        .containsPattern("notification_messages_sent_total\\{application=\"notification-service\","
            + "channel=\"email\",type=\"confirmation\"} [1-9]")
        .containsPattern("notification_messages_failed_total\\{[^}]*channel=\"sms\","
            + "type=\"reminder\"} 0")
        .containsPattern("notification_delivery_latency_seconds_bucket\\{[^}]*channel=\"email\","
            + "type=\"confirmation\",le=\"5.0\"} [1-9]")
        .contains("notification_messages_pending{application=\"notification-service\"} 1.0")
        .contains("notification_messages_oldest_pending_age_seconds{application="
            + "\"notification-service\"} 300.0")
        .containsPattern("notification_messages_scheduled\\{[^}]*} [1-9]")
        .contains("notification_events_dead_lettered_total{application=\"notification-service\","
            + "reason=\"invalid\"}");
  }

  @Test
  void retentionDeletesOldProcessedEventsAndSettledMessagesButKeepsWhatIsPending() {
    Instant farAhead = BASE.plus(Duration.ofDays(60));
    AppointmentEvents.Builder booked = aBooking().consent(true, false).startingAt(farAhead);
    send(booked);
    awaitMessage(booked.appointmentId(), "EMAIL", "CONFIRMATION", status("SENT"));
    awaitMessage(booked.appointmentId(), "EMAIL", "REMINDER", status("PENDING"));

    CLOCK.set(BASE.plus(Duration.ofDays(29)));
    retention.purge();
    assertThat(messages(booked.appointmentId())).hasSize(2);
    assertThat(received(booked.eventId())).isTrue();

    CLOCK.set(BASE.plus(Duration.ofDays(31)));
    double deletedBefore = count("notification.retention.deleted", "kind", "messages");
    retention.purge();

    assertThat(received(booked.eventId())).isFalse();
    assertThat(messages(booked.appointmentId()))
        .extracting(message -> message.getString("kind") + " " + message.getString("status"))
        .containsExactly("REMINDER PENDING");
    assertThat(count("notification.retention.deleted", "kind", "messages"))
        .isGreaterThan(deletedBefore);
  }

  @Test
  void theOpenApiDocumentIsTheCommittedOne() throws IOException {
    ObjectNode live = (ObjectNode) AppointmentEventJson.mapper().readTree(
        http.get().uri("/v3/api-docs").retrieve().body(String.class));
    // The server URL names this test's random port: not part of the contract.
    live.remove("servers");
    String pretty = AppointmentEventJson.mapper().writerWithDefaultPrettyPrinter()
        .writeValueAsString(live) + "\n";
    if (Boolean.getBoolean("openapi.write")) {
      Files.writeString(COMMITTED_OPENAPI, pretty);
    }

    assertThat(Files.exists(COMMITTED_OPENAPI))
        .as("%s is missing: run ./mvnw -pl notification-service verify -Dopenapi.write=true",
            COMMITTED_OPENAPI)
        .isTrue();
    JsonNode committed = AppointmentEventJson.mapper().readTree(Files.readString(COMMITTED_OPENAPI));
    assertThat(live)
        .as("The API changed: review the difference, then rewrite %s with"
            + " ./mvnw -pl notification-service verify -Dopenapi.write=true", COMMITTED_OPENAPI)
        .isEqualTo(committed);
  }

  private ResponseEntity<String> notifications(String appointmentId, String authorization) {
    return http.get()
        .uri(builder -> builder.path("/api/v1/notifications")
            .queryParam("appointmentId", appointmentId).build())
        .headers(headers -> {
          if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
          }
        })
        .retrieve()
        .toEntity(String.class);
  }

  private static String staffOf(String clinicId) {
    return StaffTokens.staffOf(clinicId);
  }

  private static JsonNode json(ResponseEntity<String> response) {
    return AppointmentEventJson.mapper().readTree(response.getBody());
  }

  private static JsonNode find(JsonNode body, String channel, String type) {
    for (JsonNode notification : body.get("notifications")) {
      if (channel.equals(notification.get("channel").asString())
          && type.equals(notification.get("type").asString())) {
        return notification;
      }
    }
    throw new AssertionError("No " + channel + " " + type + " in " + body);
  }
}
