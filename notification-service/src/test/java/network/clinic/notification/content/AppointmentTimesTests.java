package network.clinic.notification.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AppointmentTimesTests {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final AppointmentTimes times = new AppointmentTimes(Locale.UK);

  @Test
  void summerTimeIsShownAsBritishSummerTime() {
    assertThat(times.full(Instant.parse("2026-06-16T08:30:00Z"), LONDON))
        .isEqualTo("Tuesday 16 June 2026, 09:30 (Europe/London, BST)");
  }

  @Test
  void theSameClockTimeEitherSideOfTheSpringChangeNamesItsOwnOffset() {
    // Clocks went forward on Sunday 29 March 2026 at 01:00 UTC.
    assertThat(times.full(Instant.parse("2026-03-28T09:30:00Z"), LONDON))
        .isEqualTo("Saturday 28 March 2026, 09:30 (Europe/London, GMT)");
    assertThat(times.full(Instant.parse("2026-03-30T08:30:00Z"), LONDON))
        .isEqualTo("Monday 30 March 2026, 09:30 (Europe/London, BST)");
  }

  @Test
  void otherZonesAreNamedToo() {
    assertThat(times.full(Instant.parse("2026-06-16T07:30:00Z"), ZoneId.of("Europe/Berlin")))
        .isEqualTo("Tuesday 16 June 2026, 09:30 (Europe/Berlin, CEST)");
  }

  @Test
  void briefFormForTextMessages() {
    assertThat(times.brief(Instant.parse("2026-06-16T08:30:00Z"), LONDON))
        .isEqualTo("Tue 16 Jun, 09:30 BST");
  }
}
