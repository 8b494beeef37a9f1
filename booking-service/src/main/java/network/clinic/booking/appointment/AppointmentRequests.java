package network.clinic.booking.appointment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** What callers send to book and change appointments. Times carry an offset. */
final class AppointmentRequests {

  /** E.164: a plus, then up to 15 digits without a leading zero. */
  static final String E164 = "^\\+[1-9][0-9]{1,14}$";
  /** Something@something.tld, no spaces: stricter than the bare annotation, as emails must arrive. */
  static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
  static final String ANY_PRACTITIONER = "any";

  private AppointmentRequests() {}

  /**
   * @param practitionerId a practitioner's id, or {@code any} (or absent) for whoever is free
   * @param start the slot's start with its offset, e.g. {@code 2026-03-30T10:00:00+01:00}
   */
  record Book(
      @NotBlank @Size(max = 64) String clinicId,
      @Size(max = 64) String practitionerId,
      @NotBlank @Size(max = 64) String treatmentId,
      @NotNull OffsetDateTime start,
      @NotNull @Valid PatientDetails patient,
      @Size(max = 1000) String note) {

    /** Without the patient and the note: a request that reaches a log leaks no personal data. */
    @Override
    public String toString() {
      return "Book[clinicId=" + clinicId + ", practitionerId=" + practitionerId + ", treatmentId=" + treatmentId
          + ", start=" + start + "]";
    }
  }

  /**
   * @param phone optional, E.164 (e.g. {@code +441632960961}); required for SMS reminders
   * @param consent which reminders the patient agrees to; none when absent
   */
  record PatientDetails(
      @NotBlank @Size(max = 100) String name,
      @NotBlank @Size(max = 254) @Email(regexp = EMAIL) String email,
      @Pattern(regexp = E164, message = "must be in E.164 form, e.g. +441632960961") String phone,
      @Valid Consent consent) {

    @Override
    public String toString() {
      return "PatientDetails[redacted]";
    }
  }

  /** Either consent may be left out, meaning no (Jackson 3 would refuse a missing primitive). */
  record Consent(Boolean email, Boolean sms) {
    Consent {
      email = Boolean.TRUE.equals(email);
      sms = Boolean.TRUE.equals(sms);
    }
  }

  record Reschedule(@NotNull OffsetDateTime start) {}

  // Reasons are free text that may say something about someone's health: kept out of toString.

  record Cancel(@Size(max = 500) String reason) {

    @Override
    public String toString() {
      return "Cancel[reason redacted]";
    }
  }

  record StaffReschedule(@NotNull OffsetDateTime start, @NotBlank @Size(max = 500) String reason) {

    @Override
    public String toString() {
      return "StaffReschedule[start=" + start + ", reason redacted]";
    }
  }

  record StaffCancel(@NotBlank @Size(max = 500) String reason) {

    @Override
    public String toString() {
      return "StaffCancel[reason redacted]";
    }
  }

  record StaffNote(@Size(max = 500) String reason) {

    @Override
    public String toString() {
      return "StaffNote[reason redacted]";
    }
  }
}
