package network.clinic.booking.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.bson.Document;
import network.clinic.booking.Api;
import network.clinic.booking.BookingIntegrationTest;
import network.clinic.booking.DatabaseSnapshot;
import network.clinic.booking.StaffTokens;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.treatment.Treatment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Invariant 6 on booking and on changes: each kind of bad input gets a 4xx problem document with a
 * stable type (and the offending fields), and nothing is written: the whole database is as it was.
 */
abstract class BadInputScenarios extends BookingIntegrationTest {

  Clinic clinic;
  Treatment treatment;
  Practitioner practitioner;
  /** Taken after the test's own setup; a test that adds to the catalogue or books takes it again. */
  DatabaseSnapshot database;

  @BeforeEach
  void catalogue() {
    clinic = catalogue.aClinic().minimumNoticeMinutes(60).horizonDays(30).save();
    treatment = catalogue.aTreatment().minutes(60, 15).save();
    practitioner = catalogue.aPractitioner().offering(treatment).worksAt(clinic, "08:00", "20:00").save();
    database = settledDatabase();
  }

  @AfterEach
  void nothingWasWritten() {
    assertThat(database.changesIn(DatabaseSnapshot.of(mongo))).as("changes to the database").isEmpty();
  }

  @Test
  void malformedJsonIsABadRequest() {
    Api.Response response = api.post("/api/v1/appointments", "{\"clinicId\": \"" + clinic.id() + "\",").send();

    assertProblem(response, 400, "malformed-request");
    assertThat(response.body()).doesNotContain("Exception", "at network.", clinic.id());
  }

  @Test
  void aWrongTypeIsABadRequestNamingTheField() {
    Map<String, Object> request = valid();
    request.put("start", "next tuesday morning");

    assertProblem(post(request), 400, "malformed-request", "start");
  }

  @Test
  void anObjectGivenAsTextIsABadRequestNamingTheField() {
    Map<String, Object> request = valid();
    request.put("patient", "Jordan Ellery");

    assertProblem(post(request), 400, "malformed-request", "patient");
  }

  @Test
  void missingFieldsAreListed() {
    assertProblem(api.post("/api/v1/appointments", Map.of()).send(), 422, "validation-failed",
        "clinicId", "patient", "start", "treatmentId");
  }

  @Test
  void anUnknownClinicIsRefused() {
    Map<String, Object> request = valid();
    request.put("clinicId", "no-such-clinic");

    assertProblem(post(request), 422, "unknown-clinic", "clinicId");
  }

  @Test
  void anUnknownPractitionerIsRefused() {
    Map<String, Object> request = valid();
    request.put("practitionerId", "no-such-practitioner");

    assertProblem(post(request), 422, "unknown-practitioner", "practitionerId");
  }

  @Test
  void anUnknownTreatmentIsRefused() {
    Map<String, Object> request = valid();
    request.put("treatmentId", "no-such-treatment");

    assertProblem(post(request), 422, "unknown-treatment", "treatmentId");
  }

  @Test
  void aPractitionerWhoDoesNotOfferTheTreatmentIsRefused() {
    Treatment cupping = catalogue.aTreatment().minutes(30, 10).save();
    database = settledDatabase();
    Map<String, Object> request = valid();
    request.put("treatmentId", cupping.id());

    assertProblem(post(request), 422, "treatment-not-offered", "treatmentId");
  }

  @Test
  void aPractitionerOfAnotherClinicIsRefused() {
    Clinic elsewhere = catalogue.aClinic().save();
    Practitioner stranger = catalogue.aPractitioner().offering(treatment).worksAt(elsewhere, "08:00", "20:00").save();
    database = settledDatabase();
    Map<String, Object> request = valid();
    request.put("practitionerId", stranger.id());

    assertProblem(post(request), 422, "practitioner-not-at-clinic", "practitionerId");
  }

  @Test
  void aPractitionerNotAtTheClinicThatDayIsRefused() {
    Practitioner mondays = catalogue.aPractitioner().offering(treatment)
        .worksAt(clinic, "08:00", "20:00", EnumSet.of(DayOfWeek.MONDAY)).save();
    database = settledDatabase();
    // 2026-03-10 is a Tuesday.
    Map<String, Object> request = bookingRequest(clinic, mondays, treatment, OffsetDateTime.parse("2026-03-10T10:00:00Z"));

    assertProblem(post(request), 422, "outside-working-hours", "start");
  }

  @Test
  void aStartAfterClosingTimeIsRefused() {
    // 19:30 + 60 minutes runs past 20:00.
    assertProblem(post(bookingRequest(clinic, practitioner, treatment, local(clinic, 3, "19:30"))), 422,
        "outside-working-hours", "start");
  }

  @Test
  void aStartOffTheGridIsRefused() {
    assertProblem(post(bookingRequest(clinic, practitioner, treatment, local(clinic, 3, "10:05"))), 422,
        "start-off-grid", "start");
    assertProblem(post(bookingRequest(clinic, practitioner, treatment, local(clinic, 3, "10:00:30"))), 422,
        "start-off-grid", "start");
  }

  @Test
  void aStartInThePastIsRefused() {
    assertProblem(post(bookingRequest(clinic, practitioner, treatment, local(clinic, -1, "10:00"))), 422,
        "start-in-past", "start");
  }

  @Test
  void aStartInsideTheMinimumNoticeIsRefused() {
    assertProblem(post(bookingRequest(clinic, practitioner, treatment, soon(clinic, Duration.ofMinutes(20)))), 422,
        "inside-minimum-notice", "start");
  }

  @Test
  void aStartBeyondTheHorizonIsRefused() {
    assertProblem(post(bookingRequest(clinic, practitioner, treatment, local(clinic, 45, "10:00"))), 422,
        "beyond-booking-horizon", "start");
  }

  @Test
  void aStartDuringTimeOffIsRefused() {
    OffsetDateTime start = local(clinic, 4, "10:00");
    Instant day = start.toLocalDate().atStartOfDay(clinic.zone()).toInstant();
    Practitioner away = catalogue.aPractitioner().offering(treatment).worksAt(clinic, "08:00", "20:00")
        .away(day, day.plus(Duration.ofDays(1))).save();
    database = settledDatabase();

    assertProblem(post(bookingRequest(clinic, away, treatment, start)), 422, "practitioner-time-off", "start");
  }

  @Test
  void anInvalidEmailIsRefused() {
    for (String email : List.of("jordan.example.com", "jordan@example", "jordan @example.com")) {
      Map<String, Object> request = valid();
      patient(request).put("email", email);

      assertProblem(post(request), 422, "validation-failed", "patient.email");
    }
  }

  @Test
  void aPhoneNotInE164IsRefused() {
    for (String phone : List.of("07700 900123", "+44 7700 900123", "+0447700900123", "+4477009001234567")) {
      Map<String, Object> request = valid();
      patient(request).put("phone", phone);

      assertProblem(post(request), 422, "validation-failed", "patient.phone");
    }
  }

  @Test
  void smsConsentWithoutAPhoneIsRefused() {
    Map<String, Object> request = valid();
    patient(request).remove("phone");

    assertProblem(post(request), 422, "validation-failed", "patient.phone");
  }

  @Test
  void oversizedFieldsAreRefused() {
    Map<String, Object> request = valid();
    request.put("note", "n".repeat(1001));
    patient(request).put("name", "N".repeat(101));

    assertProblem(post(request), 422, "validation-failed", "note", "patient.name");
  }

  @Test
  void anOversizedBodyIsRefusedBeforeItIsRead() {
    Map<String, Object> request = valid();
    request.put("note", "n".repeat(20_000));

    assertProblem(post(request), 413, "payload-too-large");
  }

  @Test
  void anOversizedChunkedBodyIsRefusedWhileItIsRead() {
    Map<String, Object> request = valid();
    request.put("note", "n".repeat(20_000));

    assertProblem(api.postChunked("/api/v1/appointments", Api.JSON.writeValueAsString(request)).send(), 413,
        "payload-too-large");
  }

  /** Starts a booking may not have; a move there is refused with the same type. */
  enum BadStart {
    OFF_GRID("start-off-grid"),
    IN_THE_PAST("start-in-past"),
    INSIDE_MINIMUM_NOTICE("inside-minimum-notice"),
    BEYOND_HORIZON("beyond-booking-horizon"),
    DURING_TIME_OFF("practitioner-time-off"),
    BEFORE_OPENING("outside-working-hours"),
    RUNNING_PAST_CLOSING("outside-working-hours");

    final String type;

    BadStart(String type) {
      this.type = type;
    }
  }

  /** An appointment on day 3 at 10:00, published, with the database snapshot taken after it. */
  record Movable(String id, String token, Practitioner practitioner, Document document) {}

  private Movable bookToMove() {
    OffsetDateTime dayFour = local(clinic, 4, "10:00");
    Instant away = dayFour.toLocalDate().atStartOfDay(clinic.zone()).toInstant();
    // Works longer than the clinic is open, so the clinic's hours alone refuse the early and late starts.
    Practitioner movable = catalogue.aPractitioner().offering(treatment).worksAt(clinic, "06:00", "23:00")
        .away(away, away.plus(Duration.ofDays(1))).save();
    Api.Response booked = book(clinic, movable, treatment, local(clinic, 3, "10:00"));
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    String id = booked.json().path("id").asString();
    awaitPublished(id);
    database = settledDatabase();
    return new Movable(id, booked.json().path("manageToken").asString(), movable, appointmentDocument(id));
  }

  private OffsetDateTime start(BadStart bad) {
    return switch (bad) {
      case OFF_GRID -> local(clinic, 3, "10:05");
      case IN_THE_PAST -> local(clinic, -1, "10:00");
      case INSIDE_MINIMUM_NOTICE -> soon(clinic, Duration.ofMinutes(20));
      case BEYOND_HORIZON -> local(clinic, 45, "10:00");
      case DURING_TIME_OFF -> local(clinic, 4, "10:00");
      case BEFORE_OPENING -> local(clinic, 3, "07:00");
      case RUNNING_PAST_CLOSING -> local(clinic, 3, "19:30");
    };
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(BadStart.class)
  void aPatientCannotMoveToAStartTheyCouldNotBook(BadStart bad) {
    Movable movable = bookToMove();
    OffsetDateTime start = start(bad);

    Api.Response moved = api.post("/api/v1/appointments/" + movable.id() + "/reschedule",
        Map.of("start", start.toString())).token(movable.token()).send();

    assertProblem(moved, 422, bad.type, "start");
    assertThat(appointmentDocument(movable.id())).isEqualTo(movable.document());
    assertProblem(post(bookingRequest(clinic, movable.practitioner(), treatment, start)), 422, bad.type, "start");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(BadStart.class)
  void staffCannotMoveToAStartAPatientCouldNotBook(BadStart bad) {
    Movable movable = bookToMove();

    Api.Response moved = api.post("/api/v1/clinics/" + clinic.id() + "/appointments/" + movable.id() + "/reschedule",
        Map.of("start", start(bad).toString(), "reason", "Room unavailable"))
        .staff(StaffTokens.staffOf(clinic.id())).send();

    assertProblem(moved, 422, bad.type, "start");
    assertThat(appointmentDocument(movable.id())).isEqualTo(movable.document());
  }

  @Test
  void staffMustGiveAReasonToMove() {
    Movable movable = bookToMove();
    String path = "/api/v1/clinics/" + clinic.id() + "/appointments/" + movable.id() + "/reschedule";
    String fine = local(clinic, 5, "10:00").toString();

    for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("start", fine), Map.of("start", fine, "reason", "  "))) {
      assertProblem(api.post(path, body).staff(StaffTokens.staffOf(clinic.id())).send(), 422, "validation-failed",
          "reason");
    }
    assertThat(appointmentDocument(movable.id())).isEqualTo(movable.document());
  }

  @Test
  void aWrongManageTokenCannotCancelOrMoveAndAnswersLikeAnUnknownId() {
    Api.Response other = book(clinic, practitioner, treatment, local(clinic, 6, "10:00"));
    assertThat(other.status()).isEqualTo(201);
    Movable movable = bookToMove();
    String path = "/api/v1/appointments/" + movable.id();
    Map<String, Object> move = Map.of("start", local(clinic, 5, "10:00").toString());
    Api.Response unknown = api.get("/api/v1/appointments/apt-no-such-appointment").token(movable.token()).send();
    assertProblem(unknown, 404, "not-found");

    // Another appointment's real token, a well-formed made-up one, and none at all.
    for (String token : java.util.Arrays.asList(other.json().path("manageToken").asString(),
        "A".repeat(43), null)) {
      List<Api.Response> refused = List.of(
          withToken(api.get(path), token).send(),
          withToken(api.post(path + "/cancel", Map.of("reason", "Away")), token).send(),
          withToken(api.post(path + "/reschedule", move), token).send());
      for (Api.Response response : refused) {
        assertProblem(response, 404, "not-found");
        assertThat(response.json().path("detail").asString()).isEqualTo(unknown.json().path("detail").asString());
      }
    }
    assertThat(appointmentDocument(movable.id())).isEqualTo(movable.document());
  }

  private static Api.Request withToken(Api.Request request, String token) {
    return token == null ? request : request.token(token);
  }

  private Map<String, Object> valid() {
    return bookingRequest(clinic, practitioner, treatment, local(clinic, 3, "10:00"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> patient(Map<String, Object> request) {
    return (Map<String, Object>) request.get("patient");
  }

  private Api.Response post(Map<String, Object> request) {
    return api.post("/api/v1/appointments", request).send();
  }

  private static void assertProblem(Api.Response response, int status, String type, String... fields) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.problemType()).isEqualTo(type);
    assertThat(response.json().path("status").asInt()).isEqualTo(status);
    if (fields.length > 0) {
      List<String> named = StreamSupport.stream(response.json().path("errors").spliterator(), false)
          .map(error -> error.path("field").asString()).toList();
      assertThat(named).contains(fields);
    }
    // Never echoes what was sent: values may be personal data.
    assertThat(response.body()).doesNotContain("Jordan", "jordan.ellery", "+447700900123", "Lower back pain");
  }
}
