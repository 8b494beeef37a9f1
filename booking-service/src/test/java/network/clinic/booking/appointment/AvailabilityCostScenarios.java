package network.clinic.booking.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import network.clinic.booking.Api;
import network.clinic.booking.BookingIntegrationTest;
import network.clinic.booking.MongoCommandCounter;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.outbox.Outbox;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.treatment.Treatment;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Availability's cost follows the window, not the collection: it asks which of the candidate
 * starts' claim cells are taken, an {@code $in} on the unique claims index, shown here by counting
 * what the application's client actually receives while thousands of the practitioner's
 * appointments lie outside the window. What the server examines is counted by {@link
 * TakenClaimsCostTests} on an instrumented wire server, and shown as a plan by the container twin.
 */
abstract class AvailabilityCostScenarios extends BookingIntegrationTest {

  static final int OUTSIDE_WINDOW = 3000;

  @Autowired MongoCommandCounter counter;

  Clinic clinic;
  Treatment treatment;
  Practitioner practitioner;

  @BeforeEach
  void catalogue() {
    clinic = catalogue.aClinic().open("08:00", "20:00").save();
    treatment = catalogue.aTreatment().minutes(60, 15).save();
    practitioner = catalogue.aPractitioner().offering(treatment).worksAt(clinic, "08:00", "20:00").save();
  }

  @Test
  void availabilityReadsOnlyTheAppointmentsNearTheWindowHoweverManyAreStored() {
    storeAppointmentsOutside("2026-03-16T00:00:00Z", "2026-03-17T00:00:00Z");
    assertThat(book(clinic, practitioner, treatment, local(clinic, 14, "10:00")).status()).isEqualTo(201);
    assertThat(book(clinic, practitioner, treatment, local(clinic, 14, "15:00")).status()).isEqualTo(201);

    counter.watch(Outbox.COLLECTION, Appointment.CLAIMS);
    Api.Response availability = api.get("/api/v1/clinics/" + clinic.id() + "/availability?treatmentId="
        + treatment.id() + "&from=2026-03-16&to=2026-03-16&practitionerId=" + practitioner.id()).send();

    assertThat(availability.status()).isEqualTo(200);
    List<String> starts = StreamSupport.stream(availability.json().path("slots").spliterator(), false)
        .map(slot -> slot.path("start").asString()).toList();
    assertThat(starts).contains("2026-03-16T08:00:00+00:00", "2026-03-16T12:00:00+00:00")
        .doesNotContain("2026-03-16T10:00:00+00:00", "2026-03-16T15:00:00+00:00");
    // The two bookings of that day, none of the 3000 others; one question for the day's cells.
    assertThat(counter.distinctDocumentsReturned()).isEqualTo(2);
    assertThat(counter.queries()).isEqualTo(1);
    // MongoDB sends each once; the wire server once per cell it matched: 15 cells (60 + 15 min) each.
    assertThat(counter.documentsReturned()).isBetween(2L, 30L);
  }

  /** The practitioner's appointments all around the window, inserted directly (no events needed). */
  private void storeAppointmentsOutside(String windowStart, String windowEnd) {
    List<Document> documents = new ArrayList<>();
    Instant before = Instant.parse(windowStart).minus(Duration.ofHours(9));
    Instant after = Instant.parse(windowEnd).plus(Duration.ofHours(1));
    for (int i = 0; i < OUTSIDE_WINDOW; i++) {
      // Half before the window (back to last year), half after it (well into next year).
      Instant start = i % 2 == 0 ? before.minus(Duration.ofHours(2L * i)) : after.plus(Duration.ofHours(2L * i));
      String id = "apt-" + UUID.randomUUID();
      documents.add(new Document("_id", id)
          .append(Appointment.STATUS, "BOOKED")
          .append(Appointment.CLINIC_ID, clinic.id())
          .append(Appointment.PRACTITIONER_ID, practitioner.id())
          .append(Appointment.TREATMENT_ID, treatment.id())
          .append(Appointment.START, Date.from(start))
          .append(Appointment.END, Date.from(start.plus(Duration.ofHours(1))))
          .append(Appointment.CLAIMS, List.of(practitioner.id() + "|" + start)));
    }
    mongo.getCollection(Outbox.COLLECTION).insertMany(documents);
  }
}
