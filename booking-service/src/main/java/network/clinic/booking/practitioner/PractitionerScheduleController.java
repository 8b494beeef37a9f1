package network.clinic.booking.practitioner;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import network.clinic.booking.clinic.Clinics;
import network.clinic.booking.web.FieldProblem;
import network.clinic.booking.web.ProblemException;
import network.clinic.support.security.StaffAccess;
import network.clinic.support.security.StaffOnly;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clinic staff manage their own clinic's practitioners: the working hours at that clinic and time
 * off. A practitioner who doesn't work at the clinic is a 404 here, whatever exists elsewhere.
 */
@RestController
@RequestMapping("/api/v1/clinics/{clinicId}/practitioners/{practitionerId}")
@StaffOnly
@SecurityRequirement(name = "staff")
class PractitionerScheduleController {

  private static final int ATTEMPTS = 3;

  private final Practitioners practitioners;
  private final Clinics clinics;
  private final StaffAccess staff;

  PractitionerScheduleController(Practitioners practitioners, Clinics clinics, StaffAccess staff) {
    this.practitioners = practitioners;
    this.clinics = clinics;
    this.staff = staff;
  }

  record DayHours(
      @NotNull DayOfWeek day,
      @NotNull @Pattern(regexp = PractitionerController.TIME, message = "must be HH:mm") String start,
      @NotNull @Pattern(regexp = PractitionerController.TIME, message = "must be HH:mm") String end) {}

  record TimeOffRequest(@NotNull OffsetDateTime start, @NotNull OffsetDateTime end, @Size(max = 200) String reason) {}

  record TimeOffView(String id, OffsetDateTime start, OffsetDateTime end, String reason) {}

  /** Everything about the practitioner the clinic's staff may see, including time off. */
  record ScheduleView(String practitionerId, List<WorkingHours> workingHours, List<TimeOffView> timeOff) {}

  @GetMapping("/schedule")
  ScheduleView schedule(@PathVariable String clinicId, @PathVariable String practitionerId) {
    return view(clinicId, atClinic(clinicId, practitionerId));
  }

  /** Replaces this practitioner's working hours at this clinic; hours at other clinics stay. */
  @PutMapping("/working-hours")
  ScheduleView replaceWorkingHours(@PathVariable String clinicId, @PathVariable String practitionerId,
      @RequestBody @Size(max = 21) List<@Valid @NotNull DayHours> hours) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Practitioner current = atClinic(clinicId, practitionerId);
      List<WorkingHours> next = new ArrayList<>(
          current.workingHours().stream().filter(h -> !h.clinicId().equals(clinicId)).toList());
      int others = next.size();
      hours.forEach(h -> next.add(new WorkingHours(clinicId, h.day(), h.start(), h.end())));
      try {
        WorkingHoursRules.check(next, "hours");
      } catch (ProblemException e) {
        // Report positions in the request, not in the stored list.
        throw renumbered(e, others);
      }
      if (practitioners.replaceWorkingHours(practitionerId, current.version(), next)) {
        return view(clinicId, practitioners.require(practitionerId));
      }
    }
    throw ProblemException.conflict("concurrent-change", "Changed concurrently",
        "The schedule kept changing while this update was applied; reload and retry.");
  }

  @PostMapping("/time-off")
  ResponseEntity<TimeOffView> addTimeOff(@PathVariable String clinicId, @PathVariable String practitionerId,
      @Valid @RequestBody TimeOffRequest request) {
    Practitioner practitioner = atClinic(clinicId, practitionerId);
    if (!request.start().isBefore(request.end())) {
      throw ProblemException.unprocessable("validation-failed", "Validation failed", "end", "must be after start");
    }
    if (Duration.between(request.start(), request.end()).compareTo(Duration.ofDays(366)) > 0) {
      throw ProblemException.unprocessable("validation-failed", "Validation failed", "end",
          "time off may last at most 366 days");
    }
    TimeOff timeOff = new TimeOff(UUID.randomUUID().toString(), request.start().toInstant(),
        request.end().toInstant(), request.reason());
    practitioners.addTimeOff(practitioner.id(), timeOff);
    return ResponseEntity.created(URI.create("/api/v1/clinics/" + clinicId + "/practitioners/" + practitionerId
            + "/time-off/" + timeOff.timeOffId()))
        .body(timeOffView(clinicId, timeOff));
  }

  @DeleteMapping("/time-off/{timeOffId}")
  ResponseEntity<Void> removeTimeOff(@PathVariable String clinicId, @PathVariable String practitionerId,
      @PathVariable String timeOffId) {
    atClinic(clinicId, practitionerId);
    if (!practitioners.removeTimeOff(practitionerId, timeOffId)) {
      throw ProblemException.notFound("time off");
    }
    return ResponseEntity.noContent().build();
  }

  private Practitioner atClinic(String clinicId, String practitionerId) {
    staff.requireClinic(clinicId);
    clinics.require(clinicId);
    return practitioners.find(practitionerId)
        .filter(practitioner -> practitioner.worksAt(clinicId))
        .orElseThrow(() -> ProblemException.notFound("practitioner at this clinic"));
  }

  private ScheduleView view(String clinicId, Practitioner practitioner) {
    return new ScheduleView(practitioner.id(),
        practitioner.workingHours().stream().filter(h -> h.clinicId().equals(clinicId)).toList(),
        practitioner.timeOff().stream().map(off -> timeOffView(clinicId, off)).toList());
  }

  private TimeOffView timeOffView(String clinicId, TimeOff off) {
    ZoneId zone = clinics.require(clinicId).zone();
    return new TimeOffView(off.timeOffId(), off.start().atZone(zone).toOffsetDateTime(),
        off.end().atZone(zone).toOffsetDateTime(), off.reason());
  }

  private static ProblemException renumbered(ProblemException e, int offset) {
    return new ProblemException(e.status(), e.typeName(), e.title(), e.getMessage(),
        e.errors().stream().map(error -> {
          String field = error.field();
          int open = field.indexOf('[');
          int close = field.indexOf(']');
          if (open < 0 || close < open) {
            return error;
          }
          int index = Integer.parseInt(field.substring(open + 1, close)) - offset;
          return new FieldProblem(
              index < 0 ? "hours" : "hours[" + index + "]", error.message());
        }).toList());
  }

}
