package network.clinic.booking.clinic;

import java.util.List;

/** A clinic as the API shows it; opening hours are clinic-local ("09:00") in {@code zoneId}. */
record ClinicView(
    String id,
    String name,
    String address,
    String phone,
    String email,
    String zoneId,
    String currency,
    List<OpeningHours> openingHours,
    int slotMinutes,
    int minimumNoticeMinutes,
    int horizonDays,
    int cancellationCutoffHours,
    int reminderLeadHours) {

  static ClinicView of(Clinic clinic) {
    return new ClinicView(clinic.id(), clinic.name(), clinic.address(), clinic.phone(), clinic.email(),
        clinic.zoneId(), clinic.currency(), clinic.openingHours(), clinic.slotMinutes(),
        clinic.minimumNoticeMinutes(), clinic.horizonDays(), clinic.cancellationCutoffHours(),
        clinic.reminderLeadHours());
  }
}
