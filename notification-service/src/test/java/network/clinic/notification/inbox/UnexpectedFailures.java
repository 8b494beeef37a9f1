package network.clinic.notification.inbox;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import network.clinic.events.AppointmentEvent;
import org.springframework.context.annotation.Bean;

/**
 * A failure no one planned for, on demand: one more {@link LatestChangeHandler}, as a feature of
 * this service would add one, that throws for the events a test names and counts how often each
 * was handed to it. Every other event passes untouched.
 */
final class UnexpectedFailures implements LatestChangeHandler {

  private final Set<UUID> failing = ConcurrentHashMap.newKeySet();
  private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();

  /** From now on, handling this event fails with an exception that is neither poison nor outage. */
  void failFor(UUID eventId) {
    failing.add(eventId);
  }

  /** How often the event was handled, failed attempts included. */
  int calls(UUID eventId) {
    AtomicInteger count = calls.get(eventId);
    return count == null ? 0 : count.get();
  }

  @Override
  public void onLatestChange(AppointmentEvent event) {
    calls.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
    if (failing.contains(event.eventId())) {
      throw new IllegalStateException("Unexpected failure, on purpose");
    }
  }

  /**
   * Registers the handler where imported. Not a stereotype: the component scan of a second
   * application started from a test must not find it.
   */
  static class Installed {

    @Bean
    UnexpectedFailures unexpectedFailures() {
      return new UnexpectedFailures();
    }
  }
}
