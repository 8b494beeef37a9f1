package network.clinic.booking.availability;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.clinic.Clinics;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.practitioner.Practitioners;
import network.clinic.booking.treatment.Treatment;
import network.clinic.booking.treatment.Treatments;
import network.clinic.booking.web.FieldProblem;
import network.clinic.booking.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Free slots for the clinic websites. */
@RestController
class AvailabilityController {

  static final int MAX_DAYS = 31;

  private final Clinics clinics;
  private final Treatments treatments;
  private final Practitioners practitioners;
  private final AvailabilityFinder finder;
  private final Clock clock;

  AvailabilityController(Clinics clinics, Treatments treatments, Practitioners practitioners,
      AvailabilityFinder finder, Clock clock) {
    this.clinics = clinics;
    this.treatments = treatments;
    this.practitioners = practitioners;
    this.finder = finder;
    this.clock = clock;
  }

  /**
   * @param from first clinic-local day
   * @param to last clinic-local day, at most 31 days after {@code from} counting both
   */
  record Availability(String clinicId, String treatmentId, String zoneId, LocalDate from, LocalDate to,
      List<AvailabilityFinder.Slot> slots) {}

  @GetMapping("/api/v1/clinics/{clinicId}/availability")
  Availability availability(@PathVariable String clinicId, @RequestParam String treatmentId,
      @RequestParam LocalDate from, @RequestParam LocalDate to,
      @RequestParam(required = false) String practitionerId) {
    if (to.isBefore(from)) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-date-range", "Invalid date range",
          "'to' must not be before 'from'.", List.of(new FieldProblem("to", "must not be before from")));
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, "date-range-too-long", "Date range too long",
          "Ask for at most " + MAX_DAYS + " days at a time.",
          List.of(new FieldProblem("to", "at most " + MAX_DAYS + " days after from, counting both")));
    }
    Clinic clinic = clinics.require(clinicId);
    Treatment treatment = treatments.require(treatmentId);
    List<Practitioner> candidates = practitioners.offering(clinicId, treatmentId);
    if (practitionerId != null) {
      candidates = candidates.stream().filter(p -> p.id().equals(practitionerId)).toList();
      if (candidates.isEmpty() && practitioners.find(practitionerId).filter(p -> p.worksAt(clinicId)).isEmpty()) {
        throw ProblemException.notFound("practitioner at this clinic");
      }
    }
    return new Availability(clinicId, treatmentId, clinic.zoneId(), from, to,
        finder.find(clinic, treatment, candidates, from, to, clock.instant()));
  }
}
