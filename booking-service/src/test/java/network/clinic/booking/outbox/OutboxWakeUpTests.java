package network.clinic.booking.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The relay's wake-up: no signal is lost between a pass and the wait after it, none counts twice. */
class OutboxWakeUpTests {

  // Long enough never to run out on a busy machine when the signal works; a lost signal shows as
  // a false result after it.
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final OutboxWakeUp wakeUp = new OutboxWakeUp();

  @Test
  void aSignalGivenWhileTheRelayIsBusyEndsItsNextWaitAtOnce() throws InterruptedException {
    wakeUp.signal("apt-1");

    assertThat(wakeUp.await(PATIENCE)).containsExactly("apt-1");
  }

  @Test
  void aWaitConsumesTheSignalsBeforeIt() throws InterruptedException {
    wakeUp.signal("apt-1");
    wakeUp.signal("apt-2");
    wakeUp.signal("apt-1");
    assertThat(wakeUp.await(PATIENCE)).containsExactly("apt-1", "apt-2");

    assertThat(wakeUp.await(Duration.ofMillis(1))).isEmpty();
  }

  @Test
  void aSignalFromAnotherThreadWakesAWaitingRelay() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<Set<String>> woken = CompletableFuture.supplyAsync(() -> {
      waiting.countDown();
      try {
        return wakeUp.await(PATIENCE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Set.of();
      }
    });
    waiting.await();

    wakeUp.signal("apt-3");

    assertThat(woken.get()).containsExactly("apt-3");
  }

  @Test
  void aWakeWithoutWorkEndsTheWaitWithNothingToPublish() throws Exception {
    wakeUp.wake();

    assertThat(wakeUp.await(PATIENCE)).isEmpty();
  }
}
