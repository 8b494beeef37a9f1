package network.clinic.booking.treatment;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** The network's treatments: public reads; network admins create and change them. */
@RestController
@RequestMapping("/api/v1/treatments")
class TreatmentController {

  private final Treatments treatments;

  TreatmentController(Treatments treatments) {
    this.treatments = treatments;
  }

  /** Numbers boxed, as in ClinicRequest: one left out is a 422 naming it. */
  record TreatmentRequest(
      @NotBlank @Size(max = 120) String name,
      @NotBlank @Size(max = 2000) String description,
      @NotNull @Min(5) @Max(240) Integer durationMinutes,
      @NotNull @Min(0) @Max(60) Integer bufferMinutes,
      @NotEmpty @Size(max = 10)
          Map<@Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String,
              @NotNull @PositiveOrZero Integer> pricesInMinorUnits) {}

  @GetMapping
  List<TreatmentView> list() {
    return treatments.all().stream().map(TreatmentView::networkWide).toList();
  }

  @GetMapping("/{treatmentId}")
  TreatmentView get(@PathVariable String treatmentId) {
    return TreatmentView.networkWide(treatments.require(treatmentId));
  }

  /** Creates the treatment with this id, or replaces its details: 201 when new, 200 otherwise. */
  @PutMapping("/{treatmentId}")
  @NetworkAdminOnly
  @SecurityRequirement(name = "staff")
  ResponseEntity<TreatmentView> put(
      @PathVariable @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a lower-case slug")
          String treatmentId,
      @Valid @RequestBody TreatmentRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    // Claims cover a global 5-minute grid: lengths off it would leave part of the time unclaimed.
    if (request.durationMinutes() % 5 != 0) {
      errors.add(new FieldProblem("durationMinutes", "must be a multiple of 5"));
    }
    if (request.bufferMinutes() % 5 != 0) {
      errors.add(new FieldProblem("bufferMinutes", "must be a multiple of 5"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed", "Validation failed",
          "Some fields are missing or invalid; see errors.", errors);
    }
    boolean existed = treatments.exists(treatmentId);
    Treatment treatment = new Treatment(treatmentId, request.name(), request.description(),
        request.durationMinutes(), request.bufferMinutes(), Map.copyOf(request.pricesInMinorUnits()));
    treatments.save(treatment);
    TreatmentView view = TreatmentView.networkWide(treatment);
    return existed
        ? ResponseEntity.ok(view)
        : ResponseEntity.created(URI.create("/api/v1/treatments/" + treatmentId)).body(view);
  }
}
