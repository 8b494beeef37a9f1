package network.clinic.booking.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import network.clinic.booking.Api;
import network.clinic.booking.BookingIntegrationTest;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.treatment.Treatment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public booking endpoint's limits: per client address, and per patient. */
abstract class AbuseScenarios extends BookingIntegrationTest {

  Clinic clinic;
  Treatment treatment;
  Practitioner practitioner;

  @BeforeEach
  void catalogue() {
    clinic = catalogue.aClinic().save();
    treatment = catalogue.aTreatment().minutes(30, 10).save();
    practitioner = catalogue.aPractitioner().offering(treatment).worksAt(clinic, "08:00", "20:00").save();
  }

  @Test
  void aClientOverTheRateLimitGets429WithRetryAfterAndOthersAreNotAffected() {
    String client = "203.0.113.77";
    // The limit counts attempts, valid or not (capacity 5 in these tests).
    for (int i = 0; i < 5; i++) {
      assertThat(api.post("/api/v1/appointments", Map.of()).from(client).send().status()).isEqualTo(422);
    }
    long before = appointmentCount();

    Api.Response limited = api.post("/api/v1/appointments",
        bookingRequest(clinic, practitioner, treatment, local(clinic, 3, "10:00"))).from(client).send();
    Api.Response otherClient = api.post("/api/v1/appointments", Map.of()).from("203.0.113.78").send();

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.problemType()).isEqualTo("rate-limited");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
    assertThat(appointmentCount()).isEqualTo(before);
    assertThat(otherClient.status()).isEqualTo(422);
    // Reads are never limited.
    assertThat(api.get("/api/v1/clinics").from(client).send().status()).isEqualTo(200);
  }

  @Test
  void aPatientMayHoldAtMostFiveUpcomingAppointments() {
    List<String> booked = new ArrayList<>();
    for (int day = 1; day <= 5; day++) {
      Api.Response response = api.post("/api/v1/appointments", withEmail("Pat.Limit@Example.com", day)).send();
      assertThat(response.status()).isEqualTo(201);
      booked.add(response.json().path("manageToken").asString() + " " + response.json().path("id").asString());
    }
    long before = appointmentCount();

    // Addresses are compared case-insensitively.
    Api.Response sixth = api.post("/api/v1/appointments", withEmail("pat.limit@example.com", 6)).send();

    assertThat(sixth.status()).isEqualTo(409);
    assertThat(sixth.problemType()).isEqualTo("patient-appointment-limit");
    assertThat(appointmentCount()).isEqualTo(before);

    String[] first = booked.getFirst().split(" ");
    assertThat(api.post("/api/v1/appointments/" + first[1] + "/cancel", Map.of()).token(first[0]).send().status())
        .isEqualTo(200);
    assertThat(api.post("/api/v1/appointments", withEmail("pat.limit@example.com", 6)).send().status()).isEqualTo(201);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> withEmail(String email, int day) {
    Map<String, Object> request = bookingRequest(clinic, practitioner, treatment, local(clinic, day + 1, "10:00"));
    ((Map<String, Object>) request.get("patient")).put("email", email);
    return request;
  }
}
