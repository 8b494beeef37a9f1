package network.clinic.notification.message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import network.clinic.events.AppointmentEvent;

/**
 * Which messages an appointment change calls for, by which channel. A pure function of the event
 * and the time, so the rules read (and are tested) in one place:
 *
 * <ul>
 *   <li>Confirmation, change notice and cancellation notice are transactional: the patient asked
 *       for the appointment, so they always go by email (the contract requires an address),
 *       whatever the marketing-style email consent says.
 *   <li>Reminders and the no-show follow-up are not needed to keep the appointment: email only
 *       with email consent.
 *   <li>SMS only with a phone number and SMS consent, for everything but the no-show follow-up.
 *   <li>A reminder is due the clinic's lead time before the start; none when the lead time is 0,
 *       when the change happened inside the lead time, or when the appointment has started.
 * </ul>
 */
final class MessagePlan {

  private MessagePlan() {}

  static List<PlannedMessage> forEvent(AppointmentEvent event, Instant now) {
    List<PlannedMessage> planned = new ArrayList<>();
    switch (event.type()) {
      case BOOKED -> {
        transactional(event, MessageKind.CONFIRMATION, planned);
        reminders(event, now, planned);
      }
      case RESCHEDULED -> {
        transactional(event, MessageKind.CHANGE, planned);
        reminders(event, now, planned);
      }
      case CANCELLED -> transactional(event, MessageKind.CANCELLATION, planned);
      case NO_SHOW -> {
        if (event.patient().consent().email()) {
          planned.add(message(event, Channel.EMAIL, MessageKind.NO_SHOW_FOLLOW_UP, null, null));
        }
      }
      // Nothing to tell; recording the change still supersedes any pending reminder.
      case COMPLETED -> { }
    }
    return planned;
  }

  private static void transactional(
      AppointmentEvent event, MessageKind kind, List<PlannedMessage> planned) {
    planned.add(message(event, Channel.EMAIL, kind, null, null));
    if (smsAllowed(event)) {
      planned.add(message(event, Channel.SMS, kind, null, null));
    }
  }

  private static void reminders(AppointmentEvent event, Instant now, List<PlannedMessage> planned) {
    int leadHours = event.clinic().reminderLeadHours();
    if (leadHours <= 0) {
      return;
    }
    Instant start = event.time().start();
    Instant due = start.minus(Duration.ofHours(leadHours));
    // Booked (or moved) inside the lead time: the confirmation is reminder enough.
    if (!due.isAfter(event.occurredAt()) || !start.isAfter(now)) {
      return;
    }
    if (event.patient().consent().email()) {
      planned.add(message(event, Channel.EMAIL, MessageKind.REMINDER, due, start));
    }
    if (smsAllowed(event)) {
      planned.add(message(event, Channel.SMS, MessageKind.REMINDER, due, start));
    }
  }

  static boolean smsAllowed(AppointmentEvent event) {
    AppointmentEvent.Patient patient = event.patient();
    return patient.consent().sms() && patient.phone() != null && !patient.phone().isBlank();
  }

  private static PlannedMessage message(
      AppointmentEvent event, Channel channel, MessageKind kind, Instant due, Instant expires) {
    return new PlannedMessage(
        event.eventId().toString(),
        event.appointmentId(),
        event.clinic().id(),
        event.sequence(),
        event.occurredAt(),
        channel,
        kind,
        due,
        expires);
  }
}
