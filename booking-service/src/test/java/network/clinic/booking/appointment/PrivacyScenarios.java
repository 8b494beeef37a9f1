package network.clinic.booking.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.clinic.booking.Api;
import network.clinic.booking.BookingIntegrationTest;
import network.clinic.booking.StaffTokens;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.treatment.Treatment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Invariant 7's "no PII in logs": the whole life of an appointment, with this service's logging at
 * DEBUG and the rest at the deployed levels, never writes the patient's name, email, phone, note or
 * manage token to the log. (Spring MVC's own DEBUG logging quotes rejected field values of invalid
 * requests: never enable it in production.)
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class PrivacyScenarios extends BookingIntegrationTest {

  static final String NAME = "Philippa Quenby-Marsh";
  static final String EMAIL = "philippa.quenby@example.org";
  static final String PHONE = "+447700900987";
  static final String NOTE = "Migraines since the accident";

  @Autowired LoggingSystem logging;

  @Test
  void bookingMovingAndCancellingLogNoPersonalData(CapturedOutput output) {
    Clinic clinic = catalogue.aClinic().save();
    Treatment treatment = catalogue.aTreatment().save();
    Practitioner practitioner = catalogue.aPractitioner().offering(treatment).worksAt(clinic, "08:00", "20:00").save();
    List<String> loggers = List.of("network.clinic.booking");
    loggers.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
    try {
      Api.Response booked = api.post("/api/v1/appointments", request(clinic, practitioner, treatment, 3)).send();
      assertThat(booked.status()).isEqualTo(201);
      String id = booked.json().path("id").asString();
      String firstToken = booked.json().path("manageToken").asString();
      Api.Response conflict = api.post("/api/v1/appointments", request(clinic, practitioner, treatment, 3)).send();
      Api.Response invalid = api.post("/api/v1/appointments", Map.of("patient", Map.of("email", EMAIL, "name", NAME)))
          .send();
      Api.Response moved = api.post("/api/v1/appointments/" + id + "/reschedule",
          Map.of("start", local(clinic, 4, "11:00").toString())).token(firstToken).send();
      Api.Response staffView = api.get("/api/v1/clinics/" + clinic.id() + "/appointments/" + id)
          .staff(StaffTokens.staffOf(clinic.id())).send();
      Api.Response cancelled = api.post("/api/v1/appointments/" + id + "/cancel", Map.of("reason", NOTE))
          .token(moved.json().path("manageToken").asString()).send();
      awaitPublished(id);

      assertThat(List.of(conflict.status(), invalid.status(), moved.status(), staffView.status(), cancelled.status()))
          .containsExactly(409, 422, 200, 200, 200);
      // The log did record this appointment's changes, by id.
      assertThat(output.getAll()).contains("Appointment " + id + " booked", "Appointment " + id + " cancelled")
          .doesNotContain(NAME, EMAIL, PHONE, NOTE, firstToken, moved.json().path("manageToken").asString(),
              cancelled.json().path("manageToken").asString());
    } finally {
      loggers.forEach(logger -> logging.setLogLevel(logger, null));
    }
  }

  @Test
  void refusedRequestsLogNoPersonalData(CapturedOutput output) {
    Clinic clinic = catalogue.aClinic().save();
    Treatment treatment = catalogue.aTreatment().save();
    Practitioner practitioner = catalogue.aPractitioner().offering(treatment).worksAt(clinic, "08:00", "20:00").save();
    String client = "198.51.100.42";
    List<String> loggers = List.of("network.clinic");
    loggers.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
    try {
      String json = Api.JSON.writeValueAsString(request(clinic, practitioner, treatment, 3));
      // Parsers quote what they choke on: here the patient's name, email and phone.
      Api.Response unquoted = api.post("/api/v1/appointments",
          "{\"patient\": {\"name\": " + NAME + ", \"email\": " + EMAIL + ", \"phone\": " + PHONE + "}}").send();
      Api.Response cutOff = api.post("/api/v1/appointments", json.substring(0, json.length() - 10)).send();
      Map<String, Object> wrongType = request(clinic, practitioner, treatment, 3);
      wrongType.put("start", EMAIL);
      wrongType.put("patient", Map.of("name", NAME, "email", EMAIL, "phone", PHONE, "consent", PHONE));
      Api.Response mistyped = api.post("/api/v1/appointments", wrongType).send();
      Map<String, Object> oversized = request(clinic, practitioner, treatment, 3);
      oversized.put("note", (NOTE + " " + NAME + " " + EMAIL + " " + PHONE + " ").repeat(300));
      Api.Response tooLarge = api.post("/api/v1/appointments", oversized).send();
      Api.Response tooLargeChunked = api.postChunked("/api/v1/appointments", Api.JSON.writeValueAsString(oversized))
          .send();
      // The test configuration allows 5 attempts per client address, valid or not; the sixth is refused.
      List<Integer> attempts = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        attempts.add(api.post("/api/v1/appointments", wrongType).from(client).send().status());
      }
      attempts.add(api.post("/api/v1/appointments", request(clinic, practitioner, treatment, 10)).from(client)
          .send().status());

      assertThat(List.of(unquoted.status(), cutOff.status(), mistyped.status(), tooLarge.status(),
          tooLargeChunked.status())).containsExactly(400, 400, 400, 413, 413);
      assertThat(attempts).containsExactly(400, 400, 400, 400, 400, 429);
      assertThat(output.getAll()).doesNotContain(NAME, EMAIL, PHONE, NOTE, "Philippa", "quenby", "7700900987");
    } finally {
      loggers.forEach(logger -> logging.setLogLevel(logger, null));
    }
  }

  private static Map<String, Object> request(Clinic clinic, Practitioner practitioner, Treatment treatment, int days) {
    Map<String, Object> request = new LinkedHashMap<>(bookingRequest(clinic, practitioner, treatment,
        local(clinic, days, "10:00")));
    request.put("patient", Map.of("name", NAME, "email", EMAIL, "phone", PHONE,
        "consent", Map.of("email", true, "sms", true)));
    request.put("note", NOTE);
    return request;
  }
}
