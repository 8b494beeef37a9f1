package network.clinic.booking.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import network.clinic.booking.Api;
import network.clinic.booking.BookingIntegrationTest;
import network.clinic.booking.TestClock;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.treatment.Treatment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Free slots in clinic-local time, on ordinary and DST days, around bookings, absences and limits. */
abstract class AvailabilityScenarios extends BookingIntegrationTest {

  Clinic clinic;
  Treatment treatment;
  Practitioner practitioner;

  @BeforeEach
  void catalogue() {
    clinic = catalogue.aClinic().open("09:00", "17:00").save();
    treatment = catalogue.aTreatment().minutes(60, 15).save();
    practitioner = catalogue.aPractitioner().offering(treatment).worksAt(clinic, "09:00", "17:00").save();
  }

  @Test
  void onTheSpringDstDayLondonSlotsKeepTheirLocalTimesWithTheSummerOffset() {
    List<String> saturday = starts(availability("2026-03-28", "2026-03-28"));
    List<String> sunday = starts(availability("2026-03-29", "2026-03-29"));

    // 09:00 to 16:00 every 15 minutes on both days: the clocks change at 01:00, not in opening hours.
    assertThat(saturday).hasSize(29).startsWith("2026-03-28T09:00:00+00:00").endsWith("2026-03-28T16:00:00+00:00");
    assertThat(sunday).hasSize(29).startsWith("2026-03-29T09:00:00+01:00").endsWith("2026-03-29T16:00:00+01:00");
    assertThat(OffsetDateTime.parse(sunday.getFirst()).toInstant()).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));

    // Booking a slot as shown takes exactly the overlapping ones away on that day.
    Api.Response booked = book(clinic, practitioner, treatment, OffsetDateTime.parse("2026-03-29T10:00:00+01:00"));
    assertThat(booked.status()).isEqualTo(201);
    assertThat(booked.json().path("start").asString()).isEqualTo("2026-03-29T10:00:00+01:00");
    assertThat(appointmentDocument(booked.json().path("id").asString()).getDate("start").toInstant())
        .isEqualTo(Instant.parse("2026-03-29T09:00:00Z"));
    assertThat(starts(availability("2026-03-29", "2026-03-29"))).hasSize(29 - 9)
        .contains("2026-03-29T11:15:00+01:00")
        .doesNotContain("2026-03-29T09:00:00+01:00", "2026-03-29T11:00:00+01:00");
  }

  @Test
  void onTheAutumnDstDayLondonSlotsKeepTheirLocalTimesWithTheWinterOffset() {
    List<String> saturday = starts(availability("2026-10-24", "2026-10-24"));
    List<String> sunday = starts(availability("2026-10-25", "2026-10-25"));

    assertThat(saturday).hasSize(29).startsWith("2026-10-24T09:00:00+01:00");
    assertThat(sunday).hasSize(29).startsWith("2026-10-25T09:00:00+00:00").endsWith("2026-10-25T16:00:00+00:00");
    assertThat(OffsetDateTime.parse(sunday.getFirst()).toInstant()).isEqualTo(Instant.parse("2026-10-25T09:00:00Z"));
  }

  // A clinic open through the night sees the changed hour itself: 00:00–04:00 local, 30-minute
  // slots and treatment, no buffer, so each slot is independent of its neighbours.

  @Test
  void onTheSpringDstDayTheSkippedHourOffersNoSlotsAndTheSlotsAroundItCarryTheirOffsets() {
    nightClinic("Europe/London");
    // 01:00–02:00 GMT does not exist: the clocks go from 01:00 GMT to 02:00 BST.
    assertThat(starts(availability("2026-03-29", "2026-03-29"))).containsExactly(
        "2026-03-29T00:00:00+00:00", "2026-03-29T00:30:00+00:00",
        "2026-03-29T02:00:00+01:00", "2026-03-29T02:30:00+01:00",
        "2026-03-29T03:00:00+01:00", "2026-03-29T03:30:00+01:00");

    Api.Response booked = book(clinic, practitioner, treatment, OffsetDateTime.parse("2026-03-29T02:00:00+01:00"));
    assertThat(booked.status()).isEqualTo(201);
    assertThat(booked.json().path("start").asString()).isEqualTo("2026-03-29T02:00:00+01:00");
    assertThat(appointmentDocument(booked.json().path("id").asString()).getDate("start").toInstant())
        .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    assertThat(starts(availability("2026-03-29", "2026-03-29")))
        .hasSize(5).contains("2026-03-29T00:30:00+00:00").doesNotContain("2026-03-29T02:00:00+01:00");
  }

  @Test
  void onTheSpringDstDayTorontoSkipsTwoToThreeAndLaterSlotsHaveTheDaylightOffset() {
    nightClinic("America/Toronto");
    assertThat(starts(availability("2026-03-08", "2026-03-08"))).containsExactly(
        "2026-03-08T00:00:00-05:00", "2026-03-08T00:30:00-05:00",
        "2026-03-08T01:00:00-05:00", "2026-03-08T01:30:00-05:00",
        "2026-03-08T03:00:00-04:00", "2026-03-08T03:30:00-04:00");

    Api.Response booked = book(clinic, practitioner, treatment, OffsetDateTime.parse("2026-03-08T03:00:00-04:00"));
    assertThat(booked.status()).isEqualTo(201);
    assertThat(appointmentDocument(booked.json().path("id").asString()).getDate("start").toInstant())
        .isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
  }

  @Test
  void onTheAutumnDstDayTheRepeatedHourOffersBothOccurrencesAndEachCanBeBookedOnItsOwn() {
    nightClinic("Europe/London");
    assertThat(starts(availability("2026-10-25", "2026-10-25"))).containsExactly(
        "2026-10-25T00:00:00+01:00", "2026-10-25T00:30:00+01:00",
        "2026-10-25T01:00:00+01:00", "2026-10-25T01:30:00+01:00",
        "2026-10-25T01:00:00+00:00", "2026-10-25T01:30:00+00:00",
        "2026-10-25T02:00:00+00:00", "2026-10-25T02:30:00+00:00",
        "2026-10-25T03:00:00+00:00", "2026-10-25T03:30:00+00:00");

    // The second 01:00 first: the first one, an hour earlier, stays free.
    Api.Response winter = book(clinic, practitioner, treatment, OffsetDateTime.parse("2026-10-25T01:00:00+00:00"));
    assertThat(winter.status()).isEqualTo(201);
    assertThat(winter.json().path("start").asString()).isEqualTo("2026-10-25T01:00:00+00:00");
    assertThat(starts(availability("2026-10-25", "2026-10-25"))).hasSize(9)
        .contains("2026-10-25T01:00:00+01:00").doesNotContain("2026-10-25T01:00:00+00:00");

    Api.Response summer = book(clinic, practitioner, treatment, OffsetDateTime.parse("2026-10-25T01:00:00+01:00"));
    assertThat(summer.status()).isEqualTo(201);
    assertThat(summer.json().path("start").asString()).isEqualTo("2026-10-25T01:00:00+01:00");
    assertThat(appointmentDocument(summer.json().path("id").asString()).getDate("start").toInstant())
        .isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
    assertThat(appointmentDocument(winter.json().path("id").asString()).getDate("start").toInstant())
        .isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
    assertThat(starts(availability("2026-10-25", "2026-10-25"))).hasSize(8)
        .doesNotContain("2026-10-25T01:00:00+01:00", "2026-10-25T01:00:00+00:00")
        .contains("2026-10-25T01:30:00+01:00", "2026-10-25T01:30:00+00:00");
  }

  @Test
  void onTheAutumnDstDayTorontoListsOneToTwoTwiceAndEitherOccurrenceCanBeBooked() {
    nightClinic("America/Toronto");
    assertThat(starts(availability("2026-11-01", "2026-11-01"))).containsExactly(
        "2026-11-01T00:00:00-04:00", "2026-11-01T00:30:00-04:00",
        "2026-11-01T01:00:00-04:00", "2026-11-01T01:30:00-04:00",
        "2026-11-01T01:00:00-05:00", "2026-11-01T01:30:00-05:00",
        "2026-11-01T02:00:00-05:00", "2026-11-01T02:30:00-05:00",
        "2026-11-01T03:00:00-05:00", "2026-11-01T03:30:00-05:00");

    Api.Response daylight = book(clinic, practitioner, treatment, OffsetDateTime.parse("2026-11-01T01:30:00-04:00"));
    assertThat(daylight.status()).isEqualTo(201);
    assertThat(starts(availability("2026-11-01", "2026-11-01"))).hasSize(9)
        .contains("2026-11-01T01:30:00-05:00").doesNotContain("2026-11-01T01:30:00-04:00");
    Api.Response standard = book(clinic, practitioner, treatment, OffsetDateTime.parse("2026-11-01T01:30:00-05:00"));
    assertThat(standard.status()).isEqualTo(201);
    assertThat(appointmentDocument(standard.json().path("id").asString()).getDate("start").toInstant())
        .isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
  }

  /** Replaces this test's catalogue with one open 00:00–04:00 local every day in {@code zone}. */
  private void nightClinic(String zone) {
    clinic = catalogue.aClinic().in(zone).open("00:00", "04:00").slotMinutes(30).save();
    treatment = catalogue.aTreatment().minutes(30, 0).save();
    practitioner = catalogue.aPractitioner().offering(treatment).worksAt(clinic, "00:00", "04:00").save();
  }

  @Test
  void anAfternoonBookingWithItsBufferHidesExactlyTheOverlappingSlots() {
    LocalDate day = LocalDate.of(2026, 3, 12);
    OffsetDateTime twoPm = OffsetDateTime.parse("2026-03-12T14:00:00Z");
    assertThat(book(clinic, practitioner, treatment, twoPm).status()).isEqualTo(201);

    List<String> starts = starts(availability(day.toString(), day.toString()));

    // 12:45 + 60 + 15 ends 14:00: free. 13:00 to 15:00 meet the 14:00–15:15 claim. 15:15 is free.
    assertThat(starts).contains("2026-03-12T12:45:00+00:00", "2026-03-12T15:15:00+00:00", "2026-03-12T16:00:00+00:00")
        .doesNotContain("2026-03-12T13:00:00+00:00", "2026-03-12T14:00:00+00:00", "2026-03-12T15:00:00+00:00");
    assertThat(starts).hasSize(29 - 9);
  }

  @Test
  void timeOffNoticeAndHorizonLimitTheSlots() {
    Clinic near = catalogue.aClinic().open("00:00", "23:45").minimumNoticeMinutes(120).horizonDays(10).save();
    Instant now = TestClock.now();
    LocalDate today = now.atZone(near.zone()).toLocalDate();
    LocalDate away = today.plusDays(2);
    Practitioner busy = catalogue.aPractitioner().offering(treatment).worksAt(near, "00:00", "23:45")
        .away(away.atStartOfDay(near.zone()).toInstant(), away.plusDays(1).atStartOfDay(near.zone()).toInstant())
        .save();

    JsonNode slots = api.get("/api/v1/clinics/" + near.id() + "/availability?treatmentId=" + treatment.id()
        + "&from=" + today + "&to=" + today.plusDays(14) + "&practitionerId=" + busy.id()).send().json().path("slots");

    List<OffsetDateTime> starts = StreamSupport.stream(slots.spliterator(), false)
        .map(slot -> OffsetDateTime.parse(slot.path("start").asString())).toList();
    assertThat(starts).isNotEmpty().allSatisfy(start -> {
      assertThat(start.toInstant()).isAfterOrEqualTo(now.plus(Duration.ofMinutes(120)));
      assertThat(start.toInstant()).isBeforeOrEqualTo(now.plus(Duration.ofDays(10)));
      assertThat(start.toLocalDate()).isNotEqualTo(away);
    });
    assertThat(starts).anySatisfy(start -> assertThat(start.toLocalDate()).isEqualTo(today.plusDays(1)));
  }

  @Test
  void withoutAPractitionerEveryoneOfferingTheTreatmentIsListed() {
    Practitioner mornings = catalogue.aPractitioner().offering(treatment)
        .worksAt(clinic, "09:00", "12:00", EnumSet.of(DayOfWeek.THURSDAY)).save();
    catalogue.aPractitioner().worksAt(clinic, "09:00", "17:00").save(); // offers something else

    JsonNode slots = availability("2026-03-12", "2026-03-12").path("slots");

    List<String> who = StreamSupport.stream(slots.spliterator(), false)
        .map(slot -> slot.path("practitionerId").asString()).distinct().toList();
    assertThat(who).containsExactlyInAnyOrder(practitioner.id(), mornings.id());
    assertThat(StreamSupport.stream(slots.spliterator(), false)
        .filter(slot -> slot.path("practitionerId").asString().equals(mornings.id())))
        .hasSize(9); // 09:00 to 11:00
  }

  @Test
  void aRangeOverThirtyOneDaysOrBackwardsIsABadRequest() {
    Api.Response tooLong = api.get("/api/v1/clinics/" + clinic.id() + "/availability?treatmentId=" + treatment.id()
        + "&from=2026-03-10&to=2026-04-10").send();
    Api.Response backwards = api.get("/api/v1/clinics/" + clinic.id() + "/availability?treatmentId=" + treatment.id()
        + "&from=2026-03-10&to=2026-03-09").send();
    Api.Response notADate = api.get("/api/v1/clinics/" + clinic.id() + "/availability?treatmentId=" + treatment.id()
        + "&from=tomorrow&to=2026-03-09").send();
    Api.Response thirtyOne = api.get("/api/v1/clinics/" + clinic.id() + "/availability?treatmentId=" + treatment.id()
        + "&from=2026-03-10&to=2026-04-09").send();

    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.problemType()).isEqualTo("date-range-too-long");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.problemType()).isEqualTo("invalid-date-range");
    assertThat(notADate.status()).isEqualTo(400);
    assertThat(notADate.problemType()).isEqualTo("malformed-request");
    assertThat(thirtyOne.status()).isEqualTo(200);
  }

  @Test
  void overTheLongestWindowEveryBookingHidesItsSlotsAndACancelledOneFreesThem() {
    Clinic allDay = catalogue.aClinic().open("00:00", "23:45").save();
    Practitioner anyHour = catalogue.aPractitioner().offering(treatment).worksAt(allDay, "00:00", "23:45").save();
    // About 300 cells a day: 31 days are asked about in many batches, each booking in a different one.
    List<OffsetDateTime> booked = List.of(local(allDay, 2, "10:00"), local(allDay, 16, "03:00"),
        local(allDay, 30, "22:00"));
    for (OffsetDateTime start : booked) {
      assertThat(book(allDay, anyHour, treatment, start).status()).isEqualTo(201);
    }
    OffsetDateTime dropped = local(allDay, 9, "12:00");
    Api.Response toCancel = book(allDay, anyHour, treatment, dropped);
    assertThat(api.post("/api/v1/appointments/" + toCancel.json().path("id").asString() + "/cancel",
            Map.of("reason", "Plans changed"))
        .token(toCancel.json().path("manageToken").asString()).send().status()).isEqualTo(200);
    LocalDate from = local(allDay, 0, "00:00").toLocalDate();

    JsonNode slots = api.get("/api/v1/clinics/" + allDay.id() + "/availability?treatmentId=" + treatment.id()
        + "&from=" + from + "&to=" + from.plusDays(30) + "&practitionerId=" + anyHour.id()).send().json();

    List<Instant> starts = starts(slots).stream().map(start -> OffsetDateTime.parse(start).toInstant()).toList();
    for (OffsetDateTime start : booked) {
      Instant taken = start.toInstant();
      // 60 minutes + 15 buffer: a start an hour before still meets it, one 75 minutes after is free.
      assertThat(starts).doesNotContain(taken, taken.minus(Duration.ofMinutes(60)), taken.plus(Duration.ofMinutes(60)))
          .contains(taken.minus(Duration.ofMinutes(75)));
    }
    assertThat(starts).contains(booked.getFirst().toInstant().plus(Duration.ofMinutes(75)), dropped.toInstant());
  }

  private JsonNode availability(String from, String to) {
    Api.Response response = api.get("/api/v1/clinics/" + clinic.id() + "/availability?treatmentId=" + treatment.id()
        + "&from=" + from + "&to=" + to).send();
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static List<String> starts(JsonNode availability) {
    return StreamSupport.stream(availability.path("slots").spliterator(), false)
        .map(slot -> slot.path("start").asString())
        .toList();
  }
}
