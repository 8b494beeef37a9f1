package network.clinic.booking.outbox;

import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The loop's schedule: signalled appointments at once by id, and the search still on time under load. */
class OutboxRelayLoopTests {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final OutboxRelay relay = mock(OutboxRelay.class);
  private final OutboxWakeUp wakeUp = new OutboxWakeUp();
  private final OutboxRelayLoop loop = new OutboxRelayLoop(relay, wakeUp, properties(Duration.ofMillis(50)));

  @Test
  void aSignalledAppointmentIsPublishedById() {
    loop.start();
    try {
      wakeUp.signal("apt-1");

      await().atMost(PATIENCE).untilAsserted(() -> verify(relay, atLeast(1)).publishAppointments(eq(Set.of("apt-1")), any()));
    } finally {
      loop.stop();
    }
  }

  @Test
  void theSearchForPendingWorkKeepsItsScheduleWhileSignalsNeverStop() throws InterruptedException {
    AtomicBoolean signalling = new AtomicBoolean(true);
    Thread bookings = Thread.ofPlatform().start(() -> {
      for (int i = 0; signalling.get(); i++) {
        wakeUp.signal("apt-" + i);
        Thread.onSpinWait();
      }
    });
    loop.start();
    try {
      // A loop that searched only when a wait timed out would never search here.
      await().atMost(PATIENCE).untilAsserted(() -> verify(relay, atLeast(3)).runPass(any()));
      verify(relay, atLeast(1)).publishAppointments(anyCollection(), any());
    } finally {
      signalling.set(false);
      loop.stop();
      bookings.join();
    }
  }

  private static OutboxProperties properties(Duration pollInterval) {
    OutboxProperties properties = mock(OutboxProperties.class);
    when(properties.pollInterval()).thenReturn(pollInterval);
    when(properties.sendTimeout()).thenReturn(Duration.ofSeconds(1));
    return properties;
  }
}
