package network.clinic.booking.appointment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.clinic.Clinics;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.practitioner.Practitioners;
import network.clinic.booking.treatment.Treatment;
import network.clinic.booking.treatment.Treatments;
import network.clinic.events.AppointmentEvent;
import network.clinic.events.EventType;
import org.springframework.stereotype.Component;

/** Builds the contract's event for an appointment as it is after a change. */
@Component
class AppointmentEvents {

  private final Clinics clinics;
  private final Practitioners practitioners;
  private final Treatments treatments;
  private final Clock clock;

  AppointmentEvents(Clinics clinics, Practitioners practitioners, Treatments treatments, Clock clock) {
    this.clinics = clinics;
    this.practitioners = practitioners;
    this.treatments = treatments;
    this.clock = clock;
  }

  /** "Now" for a change: milliseconds, as MongoDB stores dates and the outbox requires. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** The clinic, practitioner and treatment an event names, as the change that raises it read them. */
  record Parties(Clinic clinic, Practitioner practitioner, Treatment treatment) {}

  /** Reads the parties of an appointment that is changed without having read them. */
  Parties partiesOf(Appointment appointment) {
    return new Parties(clinics.require(appointment.clinicId()), practitioners.require(appointment.practitionerId()),
        treatments.require(appointment.treatmentId()));
  }

  AppointmentEvent event(EventType type, Appointment after, Parties parties, String manageUrl, Instant occurredAt,
      Appointment.HistoryEntry change) {
    Clinic clinic = parties.clinic();
    Practitioner practitioner = parties.practitioner();
    Treatment treatment = parties.treatment();
    ZoneId zone = clinic.zone();
    AppointmentEvent.Slot previous = null;
    if (type == EventType.RESCHEDULED) {
      Instant previousEnd = change.previousStart().plus(Duration.between(after.start(), after.end()));
      previous = slot(change.previousStart(), previousEnd, zone);
    }
    AppointmentEvent.Cancellation cancellation = type == EventType.CANCELLED
        ? new AppointmentEvent.Cancellation(after.cancellation().by(), after.cancellation().reason())
        : null;
    Appointment.Patient patient = after.patient();
    return new AppointmentEvent(
        UUID.randomUUID(),
        type,
        after.id(),
        after.sequence(),
        occurredAt,
        new AppointmentEvent.Clinic(clinic.id(), clinic.name(), clinic.address(), clinic.phone(), clinic.zoneId(),
            clinic.cancellationCutoffHours(), clinic.reminderLeadHours()),
        new AppointmentEvent.Practitioner(practitioner.id(), practitioner.name()),
        new AppointmentEvent.Treatment(treatment.id(), treatment.name(),
            (int) Duration.between(after.start(), after.end()).toMinutes()),
        slot(after.start(), after.end(), zone),
        new AppointmentEvent.Patient(patient.name(), patient.email(), patient.phone(),
            new AppointmentEvent.Consent(patient.emailConsent(), patient.smsConsent())),
        manageUrl,
        previous,
        cancellation);
  }

  private static AppointmentEvent.Slot slot(Instant start, Instant end, ZoneId zone) {
    return new AppointmentEvent.Slot(start, end,
        start.atZone(zone).toLocalDateTime(), end.atZone(zone).toLocalDateTime());
  }
}
