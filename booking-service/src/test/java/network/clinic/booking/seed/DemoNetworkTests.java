package network.clinic.booking.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The demo catalogue itself, before anything is stored. */
class DemoNetworkTests {

  @Test
  void everyDemoLengthAndGridIsOnTheFiveMinuteClaimGrid() {
    assertThat(DemoNetwork.treatments()).allSatisfy(t -> {
      assertThat(t.durationMinutes() % 5).isZero();
      assertThat(t.bufferMinutes() % 5).isZero();
      assertThat(t.bufferMinutes()).isPositive();
    });
    assertThat(DemoNetwork.clinics()).allSatisfy(c -> assertThat(c.slotMinutes() % 5).isZero());
  }
}
