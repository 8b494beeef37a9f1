package network.clinic.notification.inbox;

import java.util.Locale;
import network.clinic.events.AppointmentEvent;

/** What the inbox made of an event. */
record Reception(AppointmentEvent event, Outcome outcome) {

  enum Outcome {
    /** First time seen, and the newest change of its appointment. */
    RECORDED,
    /** Seen before (a redelivery or a producer retry): nothing to do. */
    DUPLICATE,
    /** First time seen, but a later change of the appointment arrived first: don't act on it. */
    STALE;

    /** The metric tag value. */
    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether a later change of the appointment was seen first, so acting on this one is wrong. */
  boolean stale() {
    return outcome == Outcome.STALE;
  }
}
