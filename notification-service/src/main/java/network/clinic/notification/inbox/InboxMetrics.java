package network.clinic.notification.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import network.clinic.events.EventType;
import network.clinic.notification.inbox.Reception.Outcome;
import org.springframework.stereotype.Component;

/** Counters for what arrives on the appointments topic. Tags take a few fixed values only. */
@Component
class InboxMetrics {

  static final String RECEIVED = "notification.events.received";
  static final String DEAD_LETTERED = "notification.events.dead.lettered";

  /** The record could never be handled: sent to the DLT without retrying. */
  static final String REASON_INVALID = "invalid";
  /** A failure that might have passed, but every retry failed too. */
  static final String REASON_RETRIES_EXHAUSTED = "retries-exhausted";

  private final MeterRegistry registry;

  InboxMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Registered up front so dashboards and rate() start from zero instead of "no data".
    for (EventType type : EventType.values()) {
      for (Outcome outcome : Outcome.values()) {
        received(type, outcome);
      }
    }
    deadLettered(REASON_INVALID);
    deadLettered(REASON_RETRIES_EXHAUSTED);
  }

  void received(Reception reception) {
    received(reception.event().type(), reception.outcome()).increment();
  }

  void deadLettered(boolean invalid) {
    deadLettered(invalid ? REASON_INVALID : REASON_RETRIES_EXHAUSTED).increment();
  }

  private Counter received(EventType type, Outcome outcome) {
    return Counter.builder(RECEIVED)
        .description("Appointment events handled, by CloudEvents type and outcome")
        .tag("type", type.cloudEventType())
        .tag("outcome", outcome.tag())
        .register(registry);
  }

  private Counter deadLettered(String reason) {
    return Counter.builder(DEAD_LETTERED)
        .description("Records of the appointments topic sent to its dead-letter topic")
        .tag("reason", reason)
        .register(registry);
  }
}
