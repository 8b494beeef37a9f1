package network.clinic.booking.clinic;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * The clinic is open on {@code day} from {@code opens} to {@code closes}, local time ("09:00").
 * Stored as text: MongoDB has no time-of-day type, and a date would drag in a zone.
 */
public record OpeningHours(DayOfWeek day, String opens, String closes) {

  public LocalTime opensAt() {
    return LocalTime.parse(opens);
  }

  public LocalTime closesAt() {
    return LocalTime.parse(closes);
  }
}
