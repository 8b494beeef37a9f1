package network.clinic.booking.appointment;

import static network.clinic.booking.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import network.clinic.booking.Api;
import network.clinic.booking.BookingIntegrationTest;
import network.clinic.booking.MongoCommandCounter;
import network.clinic.booking.TopicReader;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.treatment.Treatment;
import network.clinic.events.AppointmentEventSchemas;
import network.clinic.events.CloudEventHeaders;
import network.clinic.events.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A patient books, views, moves and cancels; every change is one write with its event. */
abstract class BookingScenarios extends BookingIntegrationTest {

  @Autowired MongoCommandCounter counter;

  Clinic clinic;
  Treatment treatment;
  Practitioner practitioner;

  @BeforeEach
  void catalogue() {
    clinic = catalogue.aClinic().save();
    treatment = catalogue.aTreatment().minutes(60, 15).save();
    practitioner = catalogue.aPractitioner().offering(treatment).worksAt(clinic, "08:00", "20:00").save();
  }

  @Test
  void bookingAnswers201WithLocationAndAManageTokenThatIsStoredOnlyAsItsHash() {
    OffsetDateTime start = local(clinic, 3, "10:00");

    Api.Response response = book(clinic, practitioner, treatment, start);

    assertThat(response.status()).isEqualTo(201);
    JsonNode body = response.json();
    String id = body.path("id").asString();
    assertThat(response.header("Location")).isEqualTo("/api/v1/appointments/" + id);
    assertThat(body.path("status").asString()).isEqualTo("BOOKED");
    assertThat(OffsetDateTime.parse(body.path("start").asString())).isEqualTo(start);
    assertThat(OffsetDateTime.parse(body.path("end").asString())).isEqualTo(start.plusMinutes(60));
    String token = body.path("manageToken").asString();
    // 256 random bits, base64url without padding.
    assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(body.path("manageUrl").asString()).isEqualTo(MANAGE_BASE + "/" + id + "?token=" + token);

    Document stored = appointmentDocument(id);
    assertThat(stored.getString("manageTokenHash")).isEqualTo(ManageTokens.hash(token)).doesNotContain(token);
    assertThat(stored.getLong("sequence")).isEqualTo(1);
    assertThat(stored.getList("claims", String.class))
        .hasSize(15) // 60 minutes + 15 buffer, in 5-minute cells
        .first().isEqualTo(practitioner.id() + "|" + start.toInstant());
    awaitPublished(id);
    // Once the relay has published, the token is nowhere in the database.
    assertThat(appointmentDocument(id).toJson()).doesNotContain(token);
  }

  @Test
  void eachChangeReadsItsClinicPractitionerAndTreatmentOnce() {
    // A change's checks, its event and its answer share what was read (a booking read them 3, 2 and
    // 2 times, a patient's reschedule 3, 2 and 1, a patient's cancellation 2, 1 and 1).
    List<String> collections = List.of(Clinic.COLLECTION, Practitioner.COLLECTION, Treatment.COLLECTION);
    for (int i = 0; i < collections.size(); i++) {
      String collection = collections.get(i);
      counter.watch(collection, "_id");
      Api.Response booked = book(clinic, practitioner, treatment, local(clinic, 5, (10 + 2 * i) + ":00"));
      assertThat(booked.status()).isEqualTo(201);
      assertThat(counter.queries()).as("booking: " + collection).isEqualTo(1);
      String id = booked.json().path("id").asString();

      counter.watch(collection, "_id");
      Api.Response moved = api.post("/api/v1/appointments/" + id + "/reschedule",
          Map.of("start", local(clinic, 6, (10 + 2 * i) + ":00").toString()))
          .token(booked.json().path("manageToken").asString()).send();
      assertThat(moved.status()).isEqualTo(200);
      assertThat(counter.queries()).as("reschedule: " + collection).isEqualTo(1);

      counter.watch(collection, "_id");
      Api.Response cancelled = api.post("/api/v1/appointments/" + id + "/cancel", Map.of())
          .token(moved.json().path("manageToken").asString()).send();
      assertThat(cancelled.status()).isEqualTo(200);
      assertThat(counter.queries()).as("cancel: " + collection).isEqualTo(1);
    }
  }

  @Test
  void theBookedEventReachesTheTopicValidAgainstTheContractWithContactAndManageLink() {
    try (TopicReader topic = new TopicReader(kafkaBootstrapServers())) {
      Api.Response booked = book(clinic, practitioner, treatment, local(clinic, 4, "15:30"));
      String id = booked.json().path("id").asString();

      ConsumerRecord<String, String> record = topic.awaitForKey(id, 1).getFirst();

      assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(EventType.BOOKED.cloudEventType());
      assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id);
      assertThat(AppointmentEventSchemas.validate(EventType.BOOKED, record.value())).isEmpty();
      JsonNode event = Api.JSON.readTree(record.value());
      assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(event.path("eventId").asString());
      assertThat(event.path("sequence").asLong()).isEqualTo(1);
      assertThat(event.path("manageUrl").asString()).isEqualTo(booked.json().path("manageUrl").asString());
      assertThat(event.path("patient").path("email").asString())
          .isEqualTo(booked.json().path("patient").path("email").asString());
      assertThat(event.path("patient").path("phone").asString()).isEqualTo("+447700900123");
      assertThat(event.path("patient").path("consent").path("sms").asBoolean()).isTrue();
      assertThat(event.path("clinic").path("zoneId").asString()).isEqualTo("Europe/London");
      assertThat(event.path("time").path("localStart").asString()).endsWith("T15:30:00");
      assertThat(event.path("treatment").path("durationMinutes").asInt()).isEqualTo(60);
    }
  }

  @Test
  void aPatientSeesTheAppointmentWithTheTokenAndAWrongOrMissingTokenLooksLikeAnUnknownId() {
    Api.Response booked = book(clinic, practitioner, treatment, local(clinic, 3, "09:00"));
    String id = booked.json().path("id").asString();
    String token = booked.json().path("manageToken").asString();

    Api.Response withToken = api.get("/api/v1/appointments/" + id).token(token).send();
    Api.Response wrongToken = api.get("/api/v1/appointments/" + id).token(token.replace(token.charAt(0), 'x') + "A").send();
    Api.Response noToken = api.get("/api/v1/appointments/" + id).send();
    Api.Response unknown = api.get("/api/v1/appointments/apt-unknown").token(token).send();

    assertThat(withToken.status()).isEqualTo(200);
    assertThat(withToken.json().path("practitionerId").asString()).isEqualTo(practitioner.id());
    assertThat(withToken.json().has("manageToken")).isFalse();
    assertThat(withToken.json().path("changeableUntil").asString()).isNotEmpty();
    for (Api.Response refused : List.of(wrongToken, noToken)) {
      assertThat(refused.status()).isEqualTo(404);
      assertThat(refused.json().path("type")).isEqualTo(unknown.json().path("type"));
      assertThat(refused.json().path("detail")).isEqualTo(unknown.json().path("detail"));
    }
  }

  @Test
  void aClinicWebsiteMaySendTheManageTokenFromTheBrowser() {
    Api.Response preflight = api.options("/api/v1/appointments/apt-1")
        .header("Origin", WEBSITE)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "x-manage-token,content-type")
        .send();
    Api.Response otherSite = api.options("/api/v1/appointments/apt-1")
        .header("Origin", "https://elsewhere.example")
        .header("Access-Control-Request-Method", "POST")
        .send();

    assertThat(preflight.status()).isEqualTo(200);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(WEBSITE);
    assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase()).contains("x-manage-token");
    assertThat(otherSite.status()).isEqualTo(403);
  }

  @Test
  void anOverlapWithAnotherAppointmentOrItsBufferIsAConflictAndAnotherPractitionerIsFree() {
    Practitioner colleague = catalogue.aPractitioner().offering(treatment).worksAt(clinic, "08:00", "20:00").save();
    assertThat(book(clinic, practitioner, treatment, local(clinic, 5, "10:00")).status()).isEqualTo(201);

    Api.Response sameTime = book(clinic, practitioner, treatment, local(clinic, 5, "10:00"));
    Api.Response inBuffer = book(clinic, practitioner, treatment, local(clinic, 5, "11:00"));
    Api.Response before = book(clinic, practitioner, treatment, local(clinic, 5, "09:00"));
    Api.Response afterBuffer = book(clinic, practitioner, treatment, local(clinic, 5, "11:15"));
    Api.Response colleagueSameTime = book(clinic, colleague, treatment, local(clinic, 5, "10:00"));

    assertThat(sameTime.status()).isEqualTo(409);
    assertThat(sameTime.problemType()).isEqualTo("slot-unavailable");
    assertThat(sameTime.header("Content-Type")).startsWith("application/problem+json");
    // 09:00 + 60 + 15 buffer runs to 10:15: into the 10:00 appointment.
    assertThat(before.status()).isEqualTo(409);
    assertThat(inBuffer.status()).isEqualTo(409);
    assertThat(afterBuffer.status()).isEqualTo(201);
    assertThat(colleagueSameTime.status()).isEqualTo(201);
  }

  @Test
  void anyPractitionerGivesTheNextFreeOneUntilAllAreTaken() {
    Practitioner colleague = catalogue.aPractitioner().offering(treatment).worksAt(clinic, "08:00", "20:00").save();
    OffsetDateTime start = local(clinic, 6, "13:00");

    Api.Response first = book(clinic, null, treatment, start);
    Api.Response second = book(clinic, null, treatment, start);
    Api.Response third = book(clinic, null, treatment, start);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(List.of(first.json().path("practitionerId").asString(), second.json().path("practitionerId").asString()))
        .containsExactlyInAnyOrder(practitioner.id(), colleague.id());
    assertThat(third.status()).isEqualTo(409);
    assertThat(third.problemType()).isEqualTo("slot-unavailable");
  }

  @Test
  void cancellingFreesTheTimeRotatesTheTokenAndRecordsWhoDidIt() {
    OffsetDateTime start = local(clinic, 7, "16:00");
    Api.Response booked = book(clinic, practitioner, treatment, start);
    String id = booked.json().path("id").asString();
    String token = booked.json().path("manageToken").asString();
    String newToken;
    // The booked event is out before the reader starts: it should see the cancellation only.
    awaitPublished(id);

    try (TopicReader topic = new TopicReader(kafkaBootstrapServers())) {
      Api.Response cancelled = api.post("/api/v1/appointments/" + id + "/cancel", Map.of("reason", "Away that week"))
          .token(token).send();

      assertThat(cancelled.status()).isEqualTo(200);
      assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
      newToken = cancelled.json().path("manageToken").asString();
      assertThat(newToken).isNotEqualTo(token).hasSize(43);
      assertThat(api.get("/api/v1/appointments/" + id).token(token).send().status()).isEqualTo(404);
      assertThat(api.get("/api/v1/appointments/" + id).token(newToken).send().json().path("status").asString())
          .isEqualTo("CANCELLED");

      Document stored = appointmentDocument(id);
      assertThat(stored.getList("claims", String.class)).containsExactly("cancelled|" + id);
      assertThat(stored.getLong("sequence")).isEqualTo(2);
      assertThat(stored.getList("history", Document.class))
          .extracting(h -> h.getString("action") + " by " + h.getString("by"))
          .containsExactly("BOOKED by patient", "CANCELLED by patient");

      ConsumerRecord<String, String> event = topic.awaitForKey(id, 1).getFirst();
      assertThat(header(event, CloudEventHeaders.TYPE)).isEqualTo(EventType.CANCELLED.cloudEventType());
      assertThat(AppointmentEventSchemas.validate(EventType.CANCELLED, event.value())).isEmpty();
      JsonNode body = Api.JSON.readTree(event.value());
      assertThat(body.path("sequence").asLong()).isEqualTo(2);
      assertThat(body.path("cancellation").path("by").asString()).isEqualTo("PATIENT");
      assertThat(body.path("manageUrl").asString()).endsWith("token=" + newToken);
    }
    // The time is free again.
    assertThat(book(clinic, practitioner, treatment, start).status()).isEqualTo(201);
    Api.Response again = api.post("/api/v1/appointments/" + id + "/cancel", Map.of()).token(newToken).send();
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.problemType()).isEqualTo("appointment-not-active");
  }

  @Test
  void reschedulingMovesTheClaimsAndAConflictLeavesTheOldBookingUntouched() {
    Api.Response booked = book(clinic, practitioner, treatment, local(clinic, 8, "10:00"));
    assertThat(book(clinic, practitioner, treatment, local(clinic, 8, "14:00")).status()).isEqualTo(201);
    String id = booked.json().path("id").asString();
    String token = booked.json().path("manageToken").asString();
    Document before = appointmentDocument(id);

    Api.Response conflict = api.post("/api/v1/appointments/" + id + "/reschedule",
        Map.of("start", local(clinic, 8, "13:30").toString())).token(token).send();

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.problemType()).isEqualTo("slot-unavailable");
    Document untouched = appointmentDocument(id);
    for (String field : List.of("start", "end", "claims", "sequence", "manageTokenHash", "history", "status")) {
      assertThat(untouched.get(field)).as(field).isEqualTo(before.get(field));
    }

    awaitPublished(id);
    try (TopicReader topic = new TopicReader(kafkaBootstrapServers())) {
      // Overlapping its own old time is fine: only other appointments' claims count.
      Api.Response moved = api.post("/api/v1/appointments/" + id + "/reschedule",
          Map.of("start", local(clinic, 8, "10:30").toString())).token(token).send();

      assertThat(moved.status()).isEqualTo(200);
      assertThat(OffsetDateTime.parse(moved.json().path("start").asString())).isEqualTo(local(clinic, 8, "10:30"));
      String newToken = moved.json().path("manageToken").asString();
      assertThat(newToken).isNotEqualTo(token);
      ConsumerRecord<String, String> event = topic.awaitForKey(id, 1).getFirst();
      assertThat(AppointmentEventSchemas.validate(EventType.RESCHEDULED, event.value())).isEmpty();
      JsonNode body = Api.JSON.readTree(event.value());
      assertThat(body.path("sequence").asLong()).isEqualTo(2);
      assertThat(body.path("previousTime").path("localStart").asString()).endsWith("T10:00:00");
      assertThat(body.path("time").path("localStart").asString()).endsWith("T10:30:00");
    }
    Document after = appointmentDocument(id);
    assertThat(after.getList("claims", String.class)).first()
        .isEqualTo(practitioner.id() + "|" + local(clinic, 8, "10:30").toInstant());
    assertThat(after.getList("history", Document.class)).last()
        .satisfies(h -> assertThat(h.getString("action")).isEqualTo("RESCHEDULED"));
    // The freed part of the old time can be booked by someone else.
    assertThat(book(clinic, practitioner, treatment, local(clinic, 8, "08:45")).status())
        .isEqualTo(201);
  }

  @Test
  void afterTheCutoffAPatientCannotCancelOrMoveOnlineAndNothingChanges() {
    Clinic open = catalogue.aClinic().open("00:00", "23:45").cancellationCutoffHours(24).save();
    Practitioner available = catalogue.aPractitioner().offering(treatment).worksAt(open, "00:00", "23:45").save();
    Api.Response booked = book(open, available, treatment, soon(open, Duration.ofHours(3)));
    String id = booked.json().path("id").asString();
    String token = booked.json().path("manageToken").asString();
    Document before = appointmentDocument(id);

    Api.Response cancel = api.post("/api/v1/appointments/" + id + "/cancel", Map.of()).token(token).send();
    Api.Response move = api.post("/api/v1/appointments/" + id + "/reschedule",
        Map.of("start", soon(open, Duration.ofDays(3)).toString())).token(token).send();

    for (Api.Response refused : List.of(cancel, move)) {
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.problemType()).isEqualTo("change-deadline-passed");
      assertThat(refused.json().path("detail").asString()).contains("24 hours", open.phone());
    }
    assertThat(appointmentDocument(id).get("sequence")).isEqualTo(before.get("sequence"));
    assertThat(appointmentDocument(id).get("manageTokenHash")).isEqualTo(before.get("manageTokenHash"));
  }
}
