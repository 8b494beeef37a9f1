package network.clinic.booking.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.clinic.OpeningHours;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.practitioner.WorkingHours;
import org.junit.jupiter.api.Test;

/** Local hours to instants, including the hours that do not exist or exist twice on DST days. */
class SlotRulesTests {

  private static final Duration HOUR = Duration.ofHours(1);

  @Test
  void onTheSpringChangeTheMissingHourOffersNothingAndLaterTimesHaveTheSummerOffset() {
    Clinic clinic = clinic("Europe/London", "00:00", "04:00", 30);
    List<Instant> starts = SlotRules.startsWithinHours(clinic, practitioner(clinic, "00:00", "04:00"),
        LocalDate.of(2026, 3, 29), HOUR);

    // 01:00–02:00 local does not exist; 04:00 BST is 03:00Z, so the last one-hour start is 02:00Z.
    assertThat(starts).containsExactly(instants(
        "2026-03-29T00:00:00Z", "2026-03-29T00:30:00Z", "2026-03-29T01:00:00Z", "2026-03-29T01:30:00Z",
        "2026-03-29T02:00:00Z"));
  }

  @Test
  void onTheAutumnChangeTheRepeatedHourOffersBothOccurrences() {
    Clinic clinic = clinic("Europe/London", "00:00", "04:00", 30);
    List<Instant> starts = SlotRules.startsWithinHours(clinic, practitioner(clinic, "00:00", "04:00"),
        LocalDate.of(2026, 10, 25), HOUR);

    // 00:00 BST = 23:00Z the day before; 01:00 and 01:30 happen twice; 04:00 GMT = 04:00Z.
    assertThat(starts).containsExactly(instants(
        "2026-10-24T23:00:00Z", "2026-10-24T23:30:00Z", "2026-10-25T00:00:00Z", "2026-10-25T00:30:00Z",
        "2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z", "2026-10-25T02:00:00Z", "2026-10-25T02:30:00Z",
        "2026-10-25T03:00:00Z"));
  }

  @Test
  void workingHoursAreIntersectedWithOpeningHoursAndTheTreatmentMustEndByClosing() {
    Clinic clinic = clinic("America/Toronto", "10:00", "18:00", 15);
    Practitioner practitioner = practitioner(clinic, "14:00", "20:00");

    List<Instant> starts = SlotRules.startsWithinHours(clinic, practitioner, LocalDate.of(2026, 3, 9),
        Duration.ofMinutes(45));

    // EDT (UTC-4) from 8 March 2026: 14:00 local = 18:00Z; the last 45-minute start is 17:15 local.
    assertThat(starts.getFirst()).isEqualTo(Instant.parse("2026-03-09T18:00:00Z"));
    assertThat(starts.getLast()).isEqualTo(Instant.parse("2026-03-09T21:15:00Z"));
    assertThat(starts).hasSize(14);
  }

  @Test
  void startsAreRefusedOffTheGridInThePastInsideNoticeAndBeyondTheHorizon() {
    Clinic clinic = clinic("Europe/London", "09:00", "17:00", 15);
    Instant now = Instant.parse("2026-03-02T08:00:00Z");

    assertThat(SlotRules.checkTiming(clinic, Instant.parse("2026-03-05T10:05:00Z"), now))
        .contains(SlotRules.Rejection.OFF_GRID);
    assertThat(SlotRules.checkTiming(clinic, Instant.parse("2026-03-01T10:00:00Z"), now))
        .contains(SlotRules.Rejection.IN_PAST);
    assertThat(SlotRules.checkTiming(clinic, Instant.parse("2026-03-02T08:30:00Z"), now))
        .contains(SlotRules.Rejection.INSIDE_MINIMUM_NOTICE);
    assertThat(SlotRules.checkTiming(clinic, Instant.parse("2026-06-05T10:00:00Z"), now))
        .contains(SlotRules.Rejection.BEYOND_HORIZON);
    assertThat(SlotRules.checkTiming(clinic, Instant.parse("2026-03-05T10:15:00Z"), now)).isEmpty();
  }

  @Test
  void claimsCoverTreatmentAndBufferOnTheGlobalFiveMinuteGrid() {
    List<String> claims = Claims.covering("p1", Instant.parse("2026-03-29T09:00:00Z"),
        Instant.parse("2026-03-29T09:45:00Z"));

    assertThat(claims).hasSize(9).first().isEqualTo("p1|2026-03-29T09:00:00Z");
    assertThat(claims.getLast()).isEqualTo("p1|2026-03-29T09:40:00Z");
    assertThat(Claims.tombstone("apt-1")).isEqualTo("cancelled|apt-1");
  }

  private static Instant[] instants(String... values) {
    return Arrays.stream(values).map(Instant::parse).toArray(Instant[]::new);
  }

  private static Clinic clinic(String zone, String opens, String closes, int slotMinutes) {
    List<OpeningHours> hours = Arrays.stream(DayOfWeek.values()).map(day -> new OpeningHours(day, opens, closes)).toList();
    return new Clinic("c1", "Clinic", "Address", "+44 20 7946 0000", "c@example.org", zone, "GBP", hours,
        slotMinutes, 120, 60, 24, 24);
  }

  private static Practitioner practitioner(Clinic clinic, String start, String end) {
    List<WorkingHours> hours = Arrays.stream(DayOfWeek.values())
        .map(day -> new WorkingHours(clinic.id(), day, start, end)).toList();
    return new Practitioner("p1", "P", "L.Ac.", "", List.of(), List.of("t1"), hours, List.of(), 0);
  }
}
