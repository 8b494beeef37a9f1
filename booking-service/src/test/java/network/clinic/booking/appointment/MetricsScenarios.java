package network.clinic.booking.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import network.clinic.booking.Api;
import network.clinic.booking.BookingIntegrationTest;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.treatment.Treatment;
import org.junit.jupiter.api.Test;

/** What ops scrape: business counters tagged by clinic and treatment only. */
abstract class MetricsScenarios extends BookingIntegrationTest {

  @Test
  void bookingsReschedulesCancellationsAndConflictsAreCountedPerClinicAndTreatment() {
    Clinic clinic = catalogue.aClinic().save();
    Treatment treatment = catalogue.aTreatment().save();
    Practitioner practitioner = catalogue.aPractitioner().offering(treatment).worksAt(clinic, "08:00", "20:00").save();
    Api.Response booked = book(clinic, practitioner, treatment, local(clinic, 3, "10:00"));
    book(clinic, practitioner, treatment, local(clinic, 3, "10:00"));
    Api.Response moved = api.post("/api/v1/appointments/" + booked.json().path("id").asString() + "/reschedule",
        Map.of("start", local(clinic, 3, "12:00").toString())).token(booked.json().path("manageToken").asString()).send();
    api.post("/api/v1/appointments/" + booked.json().path("id").asString() + "/cancel", Map.of())
        .token(moved.json().path("manageToken").asString()).send();

    String scrape = api.get("/actuator/prometheus").send().body();

    String tags = "clinic=\"" + clinic.id() + "\",treatment=\"" + treatment.id() + "\"";
    assertThat(scrape).contains(
        "booking_appointments_booked_total{application=\"booking-service\"," + tags + "} 1.0",
        "booking_appointments_conflicts_total{application=\"booking-service\"," + tags + "} 1.0",
        "booking_appointments_rescheduled_total{application=\"booking-service\"," + tags + "} 1.0",
        "booking_appointments_cancelled_total{application=\"booking-service\",by=\"patient\"," + tags + "} 1.0",
        "booking_outbox_pending{",
        "booking_outbox_oldest_pending_age_seconds{",
        "booking_outbox_publish_seconds_bucket{");
    List<String> bookingLines = scrape.lines().filter(line -> line.startsWith("booking_appointments_")).toList();
    assertThat(bookingLines).allSatisfy(line -> assertThat(line).doesNotContain("practitioner", "apt-", "@"));
  }
}
