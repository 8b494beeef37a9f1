package network.clinic.booking.practitioner;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DayOfWeek;
import java.util.List;
import network.clinic.booking.clinic.Clinics;
import network.clinic.booking.treatment.Treatments;
import network.clinic.booking.web.ProblemException;
import network.clinic.support.security.NetworkAdminOnly;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Practitioners' profiles: public reads; network admins create them and assign clinics. */
@RestController
@RequestMapping("/api/v1/practitioners")
class PractitionerController {

  static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

  private final Practitioners practitioners;
  private final Clinics clinics;
  private final Treatments treatments;

  PractitionerController(Practitioners practitioners, Clinics clinics, Treatments treatments) {
    this.practitioners = practitioners;
    this.clinics = clinics;
    this.treatments = treatments;
  }

  record HoursRequest(
      @NotBlank @Size(max = 64) String clinicId,
      @NotNull DayOfWeek day,
      @NotNull @Pattern(regexp = TIME, message = "must be HH:mm") String start,
      @NotNull @Pattern(regexp = TIME, message = "must be HH:mm") String end) {}

  record PractitionerRequest(
      @NotBlank @Size(max = 120) String name,
      @NotBlank @Size(max = 120) String credentials,
      @Size(max = 4000) String bio,
      @Size(max = 20) List<@NotBlank @Size(max = 80) String> specialties,
      @NotNull @Size(max = 50) List<@NotBlank @Size(max = 64) String> treatmentIds,
      @NotNull @Size(max = 70) List<@Valid @NotNull HoursRequest> workingHours) {}

  @GetMapping("/{practitionerId}")
  PractitionerView get(@PathVariable String practitionerId) {
    return PractitionerView.of(practitioners.require(practitionerId));
  }

  /** Creates the practitioner with this id, or replaces the profile (time off is kept). */
  @PutMapping("/{practitionerId}")
  @NetworkAdminOnly
  @SecurityRequirement(name = "staff")
  ResponseEntity<PractitionerView> put(
      @PathVariable @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a lower-case slug")
          String practitionerId,
      @Valid @RequestBody PractitionerRequest request) {
    for (int i = 0; i < request.treatmentIds().size(); i++) {
      if (treatments.find(request.treatmentIds().get(i)).isEmpty()) {
        throw ProblemException.unprocessable("unknown-treatment", "Unknown treatment",
            "treatmentIds[" + i + "]", "no such treatment");
      }
    }
    List<WorkingHours> hours = request.workingHours().stream()
        .map(h -> new WorkingHours(h.clinicId(), h.day(), h.start(), h.end()))
        .toList();
    for (int i = 0; i < hours.size(); i++) {
      if (clinics.find(hours.get(i).clinicId()).isEmpty()) {
        throw ProblemException.unprocessable("unknown-clinic", "Unknown clinic",
            "workingHours[" + i + "].clinicId", "no such clinic");
      }
    }
    WorkingHoursRules.check(hours, "workingHours");
    Practitioner practitioner = new Practitioner(practitionerId, request.name(), request.credentials(),
        request.bio(), request.specialties(), request.treatmentIds(), hours, List.of(), 0);
    if (practitioners.updateProfile(practitioner)) {
      return ResponseEntity.ok(PractitionerView.of(practitioners.require(practitionerId)));
    }
    try {
      practitioners.insert(practitioner);
    } catch (DuplicateKeyException e) {
      throw ProblemException.conflict("concurrent-change", "Changed concurrently",
          "Someone created this practitioner at the same time; reload and retry.");
    }
    return ResponseEntity.created(URI.create("/api/v1/practitioners/" + practitionerId))
        .body(PractitionerView.of(practitioner));
  }
}
