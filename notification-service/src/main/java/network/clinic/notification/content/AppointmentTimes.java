package network.clinic.notification.content;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as patients read them: in the clinic's zone, computed from the instant (so correct on
 * either side of a DST change), with the zone named, e.g. "Tuesday 16 June 2026, 09:30
 * (Europe/London, BST)".
 */
public final class AppointmentTimes {

  private final DateTimeFormatter full;
  private final DateTimeFormatter brief;
  private final DateTimeFormatter abbreviation;

  public AppointmentTimes(Locale locale) {
    this.full = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", locale);
    this.brief = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", locale);
    this.abbreviation = DateTimeFormatter.ofPattern("zzz", locale);
  }

  /** "Tuesday 16 June 2026, 09:30 (Europe/London, BST)". */
  public String full(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    return full.format(local) + " (" + zone.getId() + ", " + abbreviation.format(local) + ")";
  }

  /** "Tue 16 Jun, 09:30 BST", for SMS. */
  public String brief(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    return brief.format(local) + " " + abbreviation.format(local);
  }

  /** "10:30", the end of a visit on the same day. */
  public String clock(Instant instant, ZoneId zone) {
    return DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(zone));
  }
}
