package network.clinic.booking.outbox;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Tells this instance's relay that an outbox entry has just been committed, so the event goes out
 * at once instead of at the next safety-net poll. Only a hint: the relay still reads what to
 * publish from the database, so a signal for a write that failed publishes nothing, and a missed
 * one only delays an event until that poll. A signal given while the relay is busy is kept for
 * the moment it next waits, so none is lost between a pass and the wait after it.
 */
@Component
public class OutboxWakeUp {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition signalled = lock.newCondition();
  private boolean pending;

  /** Call after a write that appended an outbox entry has committed. */
  public void signal() {
    lock.lock();
    try {
      pending = true;
      signalled.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until signalled or {@code timeout} has passed, and consumes the signal.
   *
   * @return whether it was signalled
   */
  boolean await(Duration timeout) throws InterruptedException {
    lock.lock();
    try {
      long nanos = timeout.toNanos();
      while (!pending && nanos > 0) {
        nanos = signalled.awaitNanos(nanos);
      }
      boolean wasSignalled = pending;
      pending = false;
      return wasSignalled;
    } finally {
      lock.unlock();
    }
  }
}
