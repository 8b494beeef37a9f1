package network.clinic.booking.practitioner;

import java.util.ArrayList;
import java.util.List;
import network.clinic.booking.web.FieldProblem;
import network.clinic.booking.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Working hours must make sense: start before end, and no one in two places at once. */
final class WorkingHoursRules {

  private WorkingHoursRules() {}

  static void check(List<WorkingHours> hours, String field) {
    List<FieldProblem> errors = new ArrayList<>();
    for (int i = 0; i < hours.size(); i++) {
      WorkingHours a = hours.get(i);
      if (!a.startsAt().isBefore(a.endsAt())) {
        errors.add(new FieldProblem(field + "[" + i + "]", "must start before it ends"));
        continue;
      }
      for (int j = 0; j < i; j++) {
        WorkingHours b = hours.get(j);
        // Clinics in different zones could in theory not overlap in instants; the network's
        // clinics that share practitioners are in one city, so local times are compared.
        if (a.day() == b.day() && a.startsAt().isBefore(b.endsAt()) && b.startsAt().isBefore(a.endsAt())) {
          errors.add(new FieldProblem(field + "[" + i + "]", "overlaps other working hours that day"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed", "Validation failed",
          "Some fields are missing or invalid; see errors.", errors);
    }
  }
}
