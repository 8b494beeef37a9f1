package network.clinic.booking.appointment;

import static network.clinic.booking.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import network.clinic.booking.Api;
import network.clinic.booking.BookingIntegrationTest;
import network.clinic.booking.StaffTokens;
import network.clinic.booking.TestClock;
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

/** The clinic's side: day lists, changes at any time with a reason, outcomes; never another clinic. */
abstract class StaffScenarios extends BookingIntegrationTest {

  @Autowired MeterRegistry meters;

  Clinic clinic;
  Clinic otherClinic;
  Treatment treatment;
  Practitioner practitioner;
  Practitioner otherPractitioner;

  @BeforeEach
  void catalogue() {
    clinic = catalogue.aClinic().open("00:00", "23:45").save();
    otherClinic = catalogue.aClinic().save();
    treatment = catalogue.aTreatment().minutes(45, 10).save();
    practitioner = catalogue.aPractitioner().offering(treatment).worksAt(clinic, "00:00", "23:45").save();
    otherPractitioner = catalogue.aPractitioner().offering(treatment).worksAt(otherClinic, "08:00", "20:00").save();
  }

  @Test
  void staffSeeTheirClinicsDayInLocalTimeWithHistory() {
    String first = id(book(clinic, practitioner, treatment, local(clinic, 30, "15:00")));
    Instant beforeSecond = now();
    String second = id(book(clinic, practitioner, treatment, local(clinic, 30, "09:00")));
    Instant afterSecond = now();
    id(book(clinic, practitioner, treatment, local(clinic, 31, "09:00")));
    id(book(otherClinic, otherPractitioner, treatment, local(otherClinic, 30, "10:00")));
    LocalDate day = local(clinic, 30, "09:00").toLocalDate();

    Api.Response list = api.get("/api/v1/clinics/" + clinic.id() + "/appointments?date=" + day)
        .staff(StaffTokens.staffOf(clinic.id())).send();

    assertThat(list.status()).isEqualTo(200);
    assertThat(StreamSupport.stream(list.json().spliterator(), false).map(a -> a.path("id").asString()))
        .containsExactly(second, first);
    JsonNode appointment = list.json().get(0);
    assertThat(appointment.path("start").asString()).startsWith(day + "T09:00:00");
    assertThat(appointment.path("patient").path("name").asString()).isEqualTo("Jordan Ellery");
    assertThat(appointment.path("history").get(0).path("by").asString()).isEqualTo("patient");
    assertRecordedBetween(appointment.path("history").get(0), beforeSecond, afterSecond);
    assertThat(appointment.has("manageToken")).isFalse();
  }

  @Test
  void staffOfAnotherClinicAreRefusedAndNeverReachItsAppointments() {
    String id = id(book(clinic, practitioner, treatment, local(clinic, 32, "10:00")));
    String otherStaff = StaffTokens.staffOf(otherClinic.id());
    Document before = appointmentDocument(id);

    Api.Response list = api.get("/api/v1/clinics/" + clinic.id() + "/appointments?date=2026-04-03").staff(otherStaff).send();
    Api.Response read = api.get("/api/v1/clinics/" + clinic.id() + "/appointments/" + id).staff(otherStaff).send();
    Api.Response viaOwnClinic = api.get("/api/v1/clinics/" + otherClinic.id() + "/appointments/" + id)
        .staff(otherStaff).send();
    Api.Response cancelViaOwnClinic = api.post("/api/v1/clinics/" + otherClinic.id() + "/appointments/" + id + "/cancel",
        Map.of("reason", "Trying")).staff(otherStaff).send();
    Api.Response cancel = api.post("/api/v1/clinics/" + clinic.id() + "/appointments/" + id + "/cancel",
        Map.of("reason", "Trying")).staff(otherStaff).send();
    Api.Response anonymous = api.get("/api/v1/clinics/" + clinic.id() + "/appointments?date=2026-04-03").send();

    for (Api.Response forbidden : List.of(list, read, cancel)) {
      assertThat(forbidden.status()).isEqualTo(403);
      assertThat(forbidden.problemType()).isEqualTo("forbidden");
    }
    for (Api.Response notFound : List.of(viaOwnClinic, cancelViaOwnClinic)) {
      assertThat(notFound.status()).isEqualTo(404);
      assertThat(notFound.problemType()).isEqualTo("not-found");
    }
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(appointmentDocument(id).get("sequence")).isEqualTo(before.get("sequence"));
    assertThat(appointmentDocument(id).getString("status")).isEqualTo("BOOKED");
    // A network admin reaches every clinic.
    assertThat(api.get("/api/v1/clinics/" + clinic.id() + "/appointments/" + id).staff(StaffTokens.networkAdmin())
        .send().status()).isEqualTo(200);
  }

  @Test
  void staffOfAnotherClinicCannotMoveCompleteOrMarkNoShowItsAppointments() {
    Practitioner colleague = catalogue.aPractitioner().offering(treatment).worksAt(clinic, "00:00", "23:45").save();
    String attended = id(book(clinic, practitioner, treatment, soon(clinic, Duration.ofMinutes(75))));
    String missed = id(book(clinic, colleague, treatment, soon(clinic, Duration.ofMinutes(75))));
    String moving = id(book(clinic, practitioner, treatment, local(clinic, 33, "10:00")));
    // Both have started: their own clinic's staff could mark them now, so only who asks is refused.
    TestClock.advance(Duration.ofMinutes(100));
    Map<String, Map<String, Object>> changes = new java.util.LinkedHashMap<>();
    changes.put(attended + "/complete", Map.of("reason", "Trying"));
    changes.put(missed + "/no-show", Map.of("reason", "Trying"));
    changes.put(moving + "/reschedule", Map.of("start", local(clinic, 34, "10:00").toString(), "reason", "Trying"));
    String outsider = StaffTokens.staffOf(otherClinic.id());

    for (Map.Entry<String, Map<String, Object>> change : changes.entrySet()) {
      String id = change.getKey().substring(0, change.getKey().indexOf('/'));
      awaitPublished(id);
      Document before = appointmentDocument(id);

      Api.Response otherClinicPath = api.post("/api/v1/clinics/" + clinic.id() + "/appointments/" + change.getKey(),
          change.getValue()).staff(outsider).send();
      Api.Response ownClinicPath = api.post("/api/v1/clinics/" + otherClinic.id() + "/appointments/" + change.getKey(),
          change.getValue()).staff(outsider).send();

      assertThat(otherClinicPath.status()).as(change.getKey()).isEqualTo(403);
      assertThat(otherClinicPath.problemType()).isEqualTo("forbidden");
      assertThat(ownClinicPath.status()).as(change.getKey()).isEqualTo(404);
      assertThat(ownClinicPath.problemType()).isEqualTo("not-found");
      assertThat(appointmentDocument(id)).as(change.getKey()).isEqualTo(before);
      assertThat(api.post("/api/v1/clinics/" + clinic.id() + "/appointments/" + change.getKey(), change.getValue())
          .staff(StaffTokens.staffOf(clinic.id())).send().status()).as(change.getKey()).isEqualTo(200);
    }
  }

  @Test
  void staffCancelAndMoveEvenAfterThePatientCutoffButOnlyWithAReason() {
    String staff = StaffTokens.staffOf(clinic.id());
    Instant beforeBooking = now();
    String moving = id(book(clinic, practitioner, treatment, soon(clinic, Duration.ofHours(3))));
    String cancelling = id(book(clinic, practitioner, treatment, soon(clinic, Duration.ofHours(5))));
    Instant afterBooking = now();
    double cancelledByStaff = count("booking.appointments.cancelled", "by", "staff");
    awaitPublished(moving);
    awaitPublished(cancelling);

    Api.Response noReason = api.post("/api/v1/clinics/" + clinic.id() + "/appointments/" + cancelling + "/cancel",
        Map.of()).staff(staff).send();
    try (TopicReader topic = new TopicReader(kafkaBootstrapServers())) {
      Instant beforeCancel = now();
      Api.Response cancelled = api.post("/api/v1/clinics/" + clinic.id() + "/appointments/" + cancelling + "/cancel",
          Map.of("reason", "Practitioner unwell")).staff(staff).send();
      Instant beforeMove = now();
      Api.Response moved = api.post("/api/v1/clinics/" + clinic.id() + "/appointments/" + moving + "/reschedule",
          Map.of("start", soon(clinic, Duration.ofHours(26)).toString(), "reason", "Room unavailable")).staff(staff).send();
      Instant afterMove = now();

      assertThat(noReason.status()).isEqualTo(422);
      assertThat(noReason.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");
      assertThat(cancelled.status()).isEqualTo(200);
      assertThat(cancelled.json().path("cancellation").path("by").asString()).isEqualTo("STAFF");
      assertThat(cancelled.json().path("history").get(1).path("by").asString()).isEqualTo("staff:staff-of-" + clinic.id());
      assertThat(cancelled.json().path("history").get(1).path("reason").asString()).isEqualTo("Practitioner unwell");
      assertThat(moved.status()).isEqualTo(200);
      assertThat(moved.json().path("history").get(1).path("action").asString()).isEqualTo("RESCHEDULED");
      assertThat(moved.json().path("history").get(1).path("by").asString()).isEqualTo("staff:staff-of-" + clinic.id());
      assertRecordedBetween(cancelled.json().path("history").get(0), beforeBooking, afterBooking);
      assertRecordedBetween(cancelled.json().path("history").get(1), beforeCancel, beforeMove);
      assertRecordedBetween(moved.json().path("history").get(0), beforeBooking, afterBooking);
      assertRecordedBetween(moved.json().path("history").get(1), beforeMove, afterMove);

      ConsumerRecord<String, String> event = topic.awaitForKey(cancelling, 1).getFirst();
      assertThat(AppointmentEventSchemas.validate(EventType.CANCELLED, event.value())).isEmpty();
      JsonNode body = Api.JSON.readTree(event.value());
      assertThat(body.path("cancellation").path("by").asString()).isEqualTo("STAFF");
      assertThat(body.path("cancellation").path("reason").asString()).isEqualTo("Practitioner unwell");
      // The patient's link still works after a staff change: the email carries the new one.
      String link = body.path("manageUrl").asString();
      String token = link.substring(link.indexOf("token=") + 6);
      assertThat(api.get("/api/v1/appointments/" + cancelling).token(token).send().status()).isEqualTo(200);
    }
    assertThat(count("booking.appointments.cancelled", "by", "staff")).isEqualTo(cancelledByStaff + 1);
  }

  @Test
  void completedAndNoShowAreForStartedAppointmentsAndKeepTheirTime() {
    String staff = StaffTokens.staffOf(clinic.id());
    String attended = id(book(clinic, practitioner, treatment, soon(clinic, Duration.ofMinutes(90))));
    String missed = id(book(clinic, practitioner, treatment, soon(clinic, Duration.ofMinutes(165))));
    Document before = appointmentDocument(attended);

    Api.Response early = api.post("/api/v1/clinics/" + clinic.id() + "/appointments/" + attended + "/complete", Map.of())
        .staff(staff).send();
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.problemType()).isEqualTo("appointment-not-started");

    TestClock.advance(Duration.ofHours(4));
    awaitPublished(attended);
    awaitPublished(missed);
    try (TopicReader topic = new TopicReader(kafkaBootstrapServers())) {
      Instant beforeCompleted = now();
      Api.Response completed = api.post("/api/v1/clinics/" + clinic.id() + "/appointments/" + attended + "/complete",
          Map.of()).staff(staff).send();
      Instant beforeNoShow = now();
      Api.Response noShow = api.post("/api/v1/clinics/" + clinic.id() + "/appointments/" + missed + "/no-show", Map.of())
          .staff(staff).send();
      Instant afterNoShow = now();

      assertThat(completed.status()).isEqualTo(200);
      assertThat(completed.json().path("status").asString()).isEqualTo("COMPLETED");
      assertThat(noShow.json().path("status").asString()).isEqualTo("NO_SHOW");
      assertThat(actions(completed)).containsExactly("BOOKED by patient", "COMPLETED by staff:staff-of-" + clinic.id());
      assertThat(actions(noShow)).containsExactly("BOOKED by patient", "NO_SHOW by staff:staff-of-" + clinic.id());
      assertRecordedBetween(completed.json().path("history").get(1), beforeCompleted, beforeNoShow);
      assertRecordedBetween(noShow.json().path("history").get(1), beforeNoShow, afterNoShow);
      assertThat(appointmentDocument(attended).get("claims")).isEqualTo(before.get("claims"));
      ConsumerRecord<String, String> completedEvent = topic.awaitForKey(attended, 1).getFirst();
      ConsumerRecord<String, String> noShowEvent = topic.awaitForKey(missed, 1).getFirst();
      assertThat(header(completedEvent, CloudEventHeaders.TYPE)).isEqualTo(EventType.COMPLETED.cloudEventType());
      assertThat(AppointmentEventSchemas.validate(EventType.COMPLETED, completedEvent.value())).isEmpty();
      assertThat(AppointmentEventSchemas.validate(EventType.NO_SHOW, noShowEvent.value())).isEmpty();
    }
    Api.Response again = api.post("/api/v1/clinics/" + clinic.id() + "/appointments/" + attended + "/no-show", Map.of())
        .staff(staff).send();
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.problemType()).isEqualTo("appointment-not-active");
    assertThat(count("booking.appointments.completed", "clinic", clinic.id())).isEqualTo(1);
    assertThat(count("booking.appointments.no.show", "clinic", clinic.id())).isEqualTo(1);
  }

  private static Instant now() {
    return TestClock.now();
  }

  /** The API writes times to the second, so the lower bound is too. */
  private static void assertRecordedBetween(JsonNode historyEntry, Instant from, Instant to) {
    Instant at = OffsetDateTime.parse(historyEntry.path("at").asString()).toInstant();
    assertThat(at).as(historyEntry.toString()).isBetween(from.truncatedTo(ChronoUnit.SECONDS), to);
  }

  private static List<String> actions(Api.Response appointment) {
    return StreamSupport.stream(appointment.json().path("history").spliterator(), false)
        .map(entry -> entry.path("action").asString() + " by " + entry.path("by").asString()).toList();
  }

  private double count(String name, String tag, String value) {
    var counters = meters.find(name).tag(tag, value).counters();
    return counters.stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
  }

  private static String id(Api.Response booked) {
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    return booked.json().path("id").asString();
  }
}
