package network.clinic.booking.practitioner;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** Works at {@code clinicId} on {@code day} from {@code start} to {@code end}, clinic-local ("13:00"). */
public record WorkingHours(String clinicId, DayOfWeek day, String start, String end) {

  public LocalTime startsAt() {
    return LocalTime.parse(start);
  }

  public LocalTime endsAt() {
    return LocalTime.parse(end);
  }
}
