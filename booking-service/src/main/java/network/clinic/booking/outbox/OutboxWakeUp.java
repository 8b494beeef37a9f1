package network.clinic.booking.outbox;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Tells this instance's relay which appointments have just had an outbox entry committed, so their
 * events go out at once, each claimed by its id (an index lookup on MongoDB and the wire server
 * alike), instead of at the next safety-net poll, which has to search for pending documents. Only
 * a hint: the relay still reads what to publish from the database, so a signal for a write that
 * failed publishes nothing, and a missed one only delays an event until that poll. Signals given
 * while the relay is busy are kept for the moment it next waits, so none is lost between a pass
 * and the wait after it.
 */
@Component
public class OutboxWakeUp {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition signalled = lock.newCondition();
  private final Set<String> appointmentIds = new LinkedHashSet<>();
  private boolean woken;

  /** Call after a write that appended an outbox entry to this appointment has committed. */
  public void signal(String appointmentId) {
    lock.lock();
    try {
      appointmentIds.add(appointmentId);
      woken = true;
      signalled.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Ends the relay's wait without naming work, e.g. so that it notices it is being stopped. */
  void wake() {
    lock.lock();
    try {
      woken = true;
      signalled.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until signalled or woken, or {@code timeout} has passed, and consumes the signals.
   *
   * @return the appointments signalled since the last wait, in order; empty after a timeout
   */
  Set<String> await(Duration timeout) throws InterruptedException {
    lock.lock();
    try {
      long nanos = timeout.toNanos();
      while (!woken && nanos > 0) {
        nanos = signalled.awaitNanos(nanos);
      }
      woken = false;
      Set<String> drained = new LinkedHashSet<>(appointmentIds);
      appointmentIds.clear();
      return drained;
    } finally {
      lock.unlock();
    }
  }
}
