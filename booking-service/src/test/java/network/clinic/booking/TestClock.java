package network.clinic.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The tests' "now": real time shifted to start at {@link #START} (a Monday in March 2026, before
 * both DST changes), so it keeps ticking for the outbox relay's leases and backoffs. It only ever
 * moves forward, and is shared by every booking-service instance a test starts, so they agree.
 */
public final class TestClock extends Clock {

  public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  public static final TestClock INSTANCE = new TestClock();

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.between(Instant.now(), START));

  private TestClock() {}

  /** Moves "now" forward, e.g. past an appointment's start. */
  public static void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("The test clock only moves forward");
    }
    INSTANCE.offset.updateAndGet(current -> current.plus(duration));
  }

  public static Instant now() {
    return INSTANCE.instant();
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("Use Instants with explicit zones");
  }

  /** Replaces the application's clock in test contexts and in instances tests start. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Configuration {

    @Bean
    @Primary
    Clock testClock() {
      return INSTANCE;
    }
  }
}
