package network.clinic.booking.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the relay on a thread of its own: a pass, then a wait for this instance's next committed
 * outbox entry ({@link OutboxWakeUp}) or the poll interval, whichever comes first. The wake-up
 * makes events leave right after the change that caused them; the poll is the safety net for
 * what no signal announces here: other instances' writes, retries after a failed send, leases
 * left by a crashed instance. A pass that published up to its bound is followed at once by the
 * next.
 *
 * <p>Stopped before the database client and the producer close (it is in the last lifecycle
 * phase, stopped first), so the pass in progress can finish the document in hand and release its
 * lease instead of leaving it to expire.
 */
final class OutboxRelayLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelayLoop.class);

  private final OutboxRelay relay;
  private final OutboxWakeUp wakeUp;
  private final Duration pollInterval;
  /** Long enough for the send in progress to end on its own timeout. */
  private final Duration stopGrace;
  private volatile Thread thread;

  OutboxRelayLoop(OutboxRelay relay, OutboxWakeUp wakeUp, OutboxProperties properties) {
    this.relay = relay;
    this.wakeUp = wakeUp;
    this.pollInterval = properties.pollInterval();
    this.stopGrace = properties.sendTimeout().plusSeconds(1);
  }

  @Override
  public synchronized void start() {
    if (thread == null) {
      // Assigned before it runs: the loop goes on only while it is the current thread.
      thread = Thread.ofPlatform().name("outbox-relay").daemon().unstarted(this::run);
      thread.start();
    }
  }

  @Override
  public synchronized void stop() {
    Thread running = thread;
    thread = null;
    if (running == null) {
      return;
    }
    wakeUp.wake();
    try {
      if (!running.join(stopGrace)) {
        // Cut short: whatever it was sending stays pending and goes out again, same id, from
        // whichever instance claims it once the lease runs out.
        log.warn("Outbox relay still busy after {}; interrupting it", stopGrace);
        running.interrupt();
        running.join(Duration.ofSeconds(1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }

  // The poll (a search for pending documents) runs every pollInterval whatever the load; in
  // between, signalled appointments are published by id, which needs no search.
  private void run() {
    Thread self = Thread.currentThread();
    Instant nextPoll = Instant.now();
    while (thread == self) {
      if (!Instant.now().isBefore(nextPoll)) {
        if (relay.runPass(() -> thread == self)) {
          continue;
        }
        nextPoll = Instant.now().plus(pollInterval);
      }
      Set<String> signalled;
      try {
        signalled = wakeUp.await(Duration.between(Instant.now(), nextPoll));
      } catch (InterruptedException e) {
        return;
      }
      relay.publishAppointments(signalled, () -> thread == self);
    }
  }
}
