package network.clinic.notification.message;

import java.util.Locale;

/** What a message tells the patient; each kind has its own templates. */
public enum MessageKind {
  /** A new appointment, with the calendar invitation. */
  CONFIRMATION,
  /** The appointment moved: old and new time, with the updated invitation. */
  CHANGE,
  /** The appointment was cancelled, with the calendar cancellation. */
  CANCELLATION,
  /** Ahead of the visit, by the clinic's lead time. */
  REMINDER,
  /** After a missed visit: how to book again. */
  NO_SHOW_FOLLOW_UP;

  /** The metric tag value and template name, e.g. {@code no-show-follow-up}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
