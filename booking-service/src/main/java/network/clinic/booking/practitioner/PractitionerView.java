package network.clinic.booking.practitioner;

import java.util.List;

/** A practitioner as the public API shows them: no time off, no internal notes. */
record PractitionerView(
    String id,
    String name,
    String credentials,
    String bio,
    List<String> specialties,
    List<String> treatmentIds,
    List<WorkingHours> workingHours) {

  static PractitionerView of(Practitioner practitioner) {
    return new PractitionerView(practitioner.id(), practitioner.name(), practitioner.credentials(),
        practitioner.bio(), practitioner.specialties(), practitioner.treatmentIds(), practitioner.workingHours());
  }

  /** Only the hours at one clinic. */
  static PractitionerView atClinic(Practitioner practitioner, String clinicId) {
    return new PractitionerView(practitioner.id(), practitioner.name(), practitioner.credentials(),
        practitioner.bio(), practitioner.specialties(), practitioner.treatmentIds(),
        practitioner.workingHours().stream().filter(h -> h.clinicId().equals(clinicId)).toList());
  }
}
