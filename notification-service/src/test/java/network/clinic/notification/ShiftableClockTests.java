package network.clinic.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ShiftableClockTests {

  private final Instant start = Instant.parse("2026-06-15T08:00:00Z");
  private final ShiftableClock clock = new ShiftableClock(Clock.fixed(start, ZoneOffset.UTC));

  @Test
  void advancingAddsUpAndNeverGoesBack() {
    clock.advance(Duration.ofHours(23));
    Instant now = clock.advance(Duration.ofHours(1));

    assertThat(now).isEqualTo(start.plus(Duration.ofDays(1)));
    assertThat(clock.instant()).isEqualTo(now);
    assertThatThrownBy(() -> clock.advance(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.instant()).isEqualTo(now);
  }
}
