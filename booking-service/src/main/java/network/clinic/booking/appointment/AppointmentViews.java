package network.clinic.booking.appointment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import network.clinic.booking.clinic.Clinic;

/** Appointments as the API shows them: times clinic-local with their offsets. */
final class AppointmentViews {

  private AppointmentViews() {}

  record ClinicRef(String id, String name, String address, String phone, String zoneId) {}

  record PatientView(String name, String email, String phone, boolean emailConsent, boolean smsConsent) {

    @Override
    public String toString() {
      return "PatientView[redacted]";
    }
  }

  record CancellationView(String by, String reason) {}

  /**
   * What the patient sees, with their manage link.
   *
   * @param changeableUntil until when the patient may cancel or move it online
   * @param manageToken the new token after a change (send it as {@code X-Manage-Token}); only in
   *     the response to the booking or change that issued it, never on reads
   * @param manageUrl the link with that token, for the website to show or bookmark
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PatientAppointment(
      String id,
      String status,
      ClinicRef clinic,
      String practitionerId,
      String treatmentId,
      OffsetDateTime start,
      OffsetDateTime end,
      PatientView patient,
      String note,
      long sequence,
      OffsetDateTime changeableUntil,
      CancellationView cancellation,
      String manageToken,
      String manageUrl) {

    /** Ids and status only: the rest is personal data or the patient's capability. */
    @Override
    public String toString() {
      return "PatientAppointment[id=" + id + ", status=" + status + "]";
    }
  }

  record HistoryView(String action, OffsetDateTime at, String by, OffsetDateTime previousStart,
      OffsetDateTime start, String reason) {}

  /** What clinic staff see: everything but the patient's capability, plus the history. */
  record StaffAppointment(
      String id,
      String status,
      String clinicId,
      String practitionerId,
      String treatmentId,
      OffsetDateTime start,
      OffsetDateTime end,
      int bufferMinutes,
      PatientView patient,
      String note,
      long sequence,
      CancellationView cancellation,
      List<HistoryView> history) {

    @Override
    public String toString() {
      return "StaffAppointment[id=" + id + ", status=" + status + "]";
    }
  }

  static PatientAppointment forPatient(Appointment appointment, Clinic clinic, ManageTokens.Issued token) {
    ZoneId zone = clinic.zone();
    return new PatientAppointment(
        appointment.id(),
        appointment.status().name(),
        new ClinicRef(clinic.id(), clinic.name(), clinic.address(), clinic.phone(), clinic.zoneId()),
        appointment.practitionerId(),
        appointment.treatmentId(),
        local(appointment.start(), zone),
        local(appointment.end(), zone),
        patient(appointment),
        appointment.note(),
        appointment.sequence(),
        appointment.isActive() ? local(appointment.start().minus(clinic.cancellationCutoff()), zone) : null,
        cancellation(appointment),
        token == null ? null : token.token(),
        token == null ? null : token.link());
  }

  static StaffAppointment forStaff(Appointment appointment, Clinic clinic) {
    ZoneId zone = clinic.zone();
    return new StaffAppointment(
        appointment.id(),
        appointment.status().name(),
        appointment.clinicId(),
        appointment.practitionerId(),
        appointment.treatmentId(),
        local(appointment.start(), zone),
        local(appointment.end(), zone),
        appointment.bufferMinutes(),
        patient(appointment),
        appointment.note(),
        appointment.sequence(),
        cancellation(appointment),
        appointment.history().stream().map(entry -> new HistoryView(entry.action(), local(entry.at(), zone),
            entry.by(), local(entry.previousStart(), zone), local(entry.start(), zone), entry.reason())).toList());
  }

  private static PatientView patient(Appointment appointment) {
    Appointment.Patient patient = appointment.patient();
    return new PatientView(patient.name(), patient.email(), patient.phone(), patient.emailConsent(),
        patient.smsConsent());
  }

  private static CancellationView cancellation(Appointment appointment) {
    return appointment.cancellation() == null ? null
        : new CancellationView(appointment.cancellation().by().name(), appointment.cancellation().reason());
  }

  private static OffsetDateTime local(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }
}
