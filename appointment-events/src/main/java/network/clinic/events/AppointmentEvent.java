package network.clinic.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * Body of every event on {@link AppointmentTopics#APPOINTMENTS}: the state a consumer needs to
 * tell the patient, so it never calls back (event-carried state transfer). Carries PII and the
 * patient's manage link: never log it.
 *
 * @param eventId equals the {@code ce_id} header; a retry carries the same id
 * @param sequence rises by one with each change of the appointment; consumers ignore older ones
 * @param previousTime the time before a reschedule, only on {@link EventType#RESCHEDULED}
 * @param cancellation only on {@link EventType#CANCELLED}
 */
public record AppointmentEvent(
    UUID eventId,
    EventType type,
    String appointmentId,
    long sequence,
    Instant occurredAt,
    Clinic clinic,
    Practitioner practitioner,
    Treatment treatment,
    Slot time,
    Patient patient,
    String manageUrl,
    Slot previousTime,
    Cancellation cancellation) {

  /** The clinic as the patient should see it, with its policies. */
  public record Clinic(
      String id,
      String name,
      String address,
      String phone,
      String zoneId,
      int cancellationCutoffHours,
      int reminderLeadHours) {}

  public record Practitioner(String id, String name) {}

  public record Treatment(String id, String name, int durationMinutes) {}

  /** A time range as instants and, for people, as clinic-local date-times. */
  public record Slot(Instant start, Instant end, LocalDateTime localStart, LocalDateTime localEnd) {}

  public record Patient(String name, String email, String phone, Consent consent) {}

  public record Consent(boolean email, boolean sms) {}

  public record Cancellation(CancelledBy by, String reason) {}

  public enum CancelledBy {
    PATIENT,
    STAFF
  }
}
