package network.clinic.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real time moved forward by an offset that only grows. Active only under the
 * {@value #PROFILE} profile, which end-to-end tests use to see a reminder fall due without
 * waiting a day; never enable it in production.
 */
public final class ShiftableClock extends Clock {

  public static final String PROFILE = "controllable-clock";

  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  ShiftableClock(Clock base) {
    this.base = base;
  }

  /** Moves time forward; time never goes back, so leases and schedules stay consistent. */
  public Instant advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("time only moves forward");
    }
    offset.accumulateAndGet(by, Duration::plus);
    return instant();
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the service works in UTC");
  }
}
