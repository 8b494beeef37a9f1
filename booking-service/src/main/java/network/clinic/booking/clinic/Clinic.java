package network.clinic.booking.clinic;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A clinic of the network, as stored in {@code clinics}.
 *
 * @param id a slug, e.g. {@code london-camden}
 * @param zoneId IANA zone; every local time of this clinic is in it
 * @param currency ISO 4217 code of the prices shown for this clinic
 * @param openingHours one or more ranges per weekday (a lunch break is two ranges)
 * @param slotMinutes the grid appointments start on, in local time from midnight; a multiple of 5
 * @param minimumNoticeMinutes how soon, at the earliest, an appointment may start after booking
 * @param horizonDays how far ahead appointments may be booked
 * @param cancellationCutoffHours patients may cancel or move online until this long before
 * @param reminderLeadHours how long before the appointment the reminder goes out; 0 sends none
 *     (24 when an admin request leaves it out)
 */
@Document(Clinic.COLLECTION)
public record Clinic(
    @Id String id,
    String name,
    String address,
    String phone,
    String email,
    String zoneId,
    String currency,
    List<OpeningHours> openingHours,
    int slotMinutes,
    int minimumNoticeMinutes,
    int horizonDays,
    int cancellationCutoffHours,
    int reminderLeadHours) {

  public static final String COLLECTION = "clinics";

  public ZoneId zone() {
    return ZoneId.of(zoneId);
  }

  public Duration minimumNotice() {
    return Duration.ofMinutes(minimumNoticeMinutes);
  }

  public Duration horizon() {
    return Duration.ofDays(horizonDays);
  }

  public Duration cancellationCutoff() {
    return Duration.ofHours(cancellationCutoffHours);
  }

  public List<OpeningHours> openingHoursOn(DayOfWeek day) {
    return openingHours.stream().filter(hours -> hours.day() == day).toList();
  }
}
