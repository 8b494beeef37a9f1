package network.clinic.booking.practitioner;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A licensed practitioner, as stored in {@code practitioners}. May work at several clinics on
 * different days.
 *
 * @param credentials e.g. "L.Ac., MBAcC"
 * @param treatmentIds the treatments this practitioner offers
 * @param workingHours where and when they work, in each clinic's local time
 * @param timeOff absences, as instants (they apply at every clinic)
 * @param version raised by each change of schedule or time off; writers update only the version
 *     they read, so two staff members editing at once never silently undo each other
 */
@Document(Practitioner.COLLECTION)
public record Practitioner(
    @Id String id,
    String name,
    String credentials,
    String bio,
    List<String> specialties,
    List<String> treatmentIds,
    List<WorkingHours> workingHours,
    List<TimeOff> timeOff,
    long version) {

  public static final String COLLECTION = "practitioners";

  public Practitioner {
    specialties = specialties == null ? List.of() : specialties;
    treatmentIds = treatmentIds == null ? List.of() : treatmentIds;
    workingHours = workingHours == null ? List.of() : workingHours;
    timeOff = timeOff == null ? List.of() : timeOff;
  }

  public boolean offers(String treatmentId) {
    return treatmentIds.contains(treatmentId);
  }

  public boolean worksAt(String clinicId) {
    return workingHours.stream().anyMatch(hours -> hours.clinicId().equals(clinicId));
  }

  public List<WorkingHours> workingHoursAt(String clinicId, DayOfWeek day) {
    return workingHours.stream()
        .filter(hours -> hours.clinicId().equals(clinicId) && hours.day() == day)
        .toList();
  }

  /** Whether any time off overlaps {@code [start, end)}. */
  public boolean isOffDuring(Instant start, Instant end) {
    return timeOff.stream().anyMatch(off -> off.start().isBefore(end) && start.isBefore(off.end()));
  }
}
