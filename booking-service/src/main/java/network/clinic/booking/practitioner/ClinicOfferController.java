package network.clinic.booking.practitioner;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.clinic.Clinics;
import network.clinic.booking.treatment.TreatmentView;
import network.clinic.booking.treatment.Treatments;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a clinic offers, for its website: who works there and which treatments they give. */
@RestController
@RequestMapping("/api/v1/clinics/{clinicId}")
class ClinicOfferController {

  private final Clinics clinics;
  private final Practitioners practitioners;
  private final Treatments treatments;

  ClinicOfferController(Clinics clinics, Practitioners practitioners, Treatments treatments) {
    this.clinics = clinics;
    this.practitioners = practitioners;
    this.treatments = treatments;
  }

  /** Practitioners with working hours at this clinic, showing those hours only. */
  @GetMapping("/practitioners")
  List<PractitionerView> practitioners(@PathVariable String clinicId) {
    clinics.require(clinicId);
    return practitioners.atClinic(clinicId).stream()
        .map(practitioner -> PractitionerView.atClinic(practitioner, clinicId))
        .toList();
  }

  /** Treatments someone at this clinic offers, priced in the clinic's currency. */
  @GetMapping("/treatments")
  List<TreatmentView> treatments(@PathVariable String clinicId) {
    Clinic clinic = clinics.require(clinicId);
    Set<String> offered = new LinkedHashSet<>();
    practitioners.atClinic(clinicId).forEach(practitioner -> offered.addAll(practitioner.treatmentIds()));
    return treatments.all().stream()
        .filter(treatment -> offered.contains(treatment.id()))
        .map(treatment -> TreatmentView.forCurrency(treatment, clinic.currency()))
        .toList();
  }
}
