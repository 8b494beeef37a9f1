package network.clinic.booking.clinic;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import network.clinic.booking.web.FieldProblem;
import network.clinic.booking.web.ProblemException;
import network.clinic.support.security.NetworkAdminOnly;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Clinics: public reads for the websites; network admins create and change them. */
@RestController
@RequestMapping("/api/v1/clinics")
class ClinicController {

  private final Clinics clinics;

  ClinicController(Clinics clinics) {
    this.clinics = clinics;
  }

  @GetMapping
  List<ClinicView> list() {
    return clinics.all().stream().map(ClinicView::of).toList();
  }

  @GetMapping("/{clinicId}")
  ClinicView get(@PathVariable String clinicId) {
    return ClinicView.of(clinics.require(clinicId));
  }

  /** Creates the clinic with this id, or replaces its details: 201 when new, 200 otherwise. */
  @PutMapping("/{clinicId}")
  @NetworkAdminOnly
  @SecurityRequirement(name = "staff")
  ResponseEntity<ClinicView> put(
      @PathVariable @Pattern(regexp = SLUG, message = "must be a lower-case slug") String clinicId,
      @Valid @RequestBody ClinicRequest request) {
    check(request);
    boolean existed = clinics.exists(clinicId);
    Clinic clinic = new Clinic(clinicId, request.name(), request.address(), request.phone(), request.email(),
        request.zoneId(), request.currency(),
        request.openingHours().stream().map(h -> new OpeningHours(h.day(), h.opens(), h.closes())).toList(),
        request.slotMinutes(), request.minimumNoticeMinutes(), request.horizonDays(),
        request.cancellationCutoffHours(), request.reminderLeadHours());
    clinics.save(clinic);
    return existed
        ? ResponseEntity.ok(ClinicView.of(clinic))
        : ResponseEntity.created(URI.create("/api/v1/clinics/" + clinicId)).body(ClinicView.of(clinic));
  }

  static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

  private static void check(ClinicRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    try {
      ZoneId.of(request.zoneId());
    } catch (DateTimeException e) {
      errors.add(new FieldProblem("zoneId", "must be an IANA time zone such as Europe/London"));
    }
    if (request.slotMinutes() % 5 != 0) {
      // Claims use a global 5-minute grid: every slot must start on it.
      errors.add(new FieldProblem("slotMinutes", "must be a multiple of 5"));
    }
    for (int i = 0; i < request.openingHours().size(); i++) {
      ClinicRequest.Hours hours = request.openingHours().get(i);
      if (hours.opens().compareTo(hours.closes()) >= 0) {
        errors.add(new FieldProblem("openingHours[" + i + "]", "must open before it closes"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed", "Validation failed",
          "Some fields are missing or invalid; see errors.", errors);
    }
  }
}
