package network.clinic.notification.content;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import network.clinic.events.AppointmentEvent;
import org.springframework.stereotype.Component;

/**
 * Calendar files (iCalendar, RFC 5545, with iTIP methods) built with ical4j. One appointment is
 * one calendar event with {@code UID} = appointment id; {@code SEQUENCE} = the event sequence,
 * which rises with every change, so a calendar applies a change or cancellation over what it
 * holds, even if mails arrive out of order. Times carry the clinic's {@code TZID} with its
 * {@code VTIMEZONE}, so the visit stays at the clinic's local time across DST changes.
 *
 * <p>The manage link is deliberately not in the file: calendars are often shared or synced to
 * other people, and the link lets anyone holding it cancel the appointment.
 */
@Component
public class CalendarInvites {

  static final String PRODUCT_ID = "-//Clinic Network//notification-service//EN";

  // Loads zone definitions shipped in the ical4j jar; ical4j.properties turns off online updates.
  private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

  /** {@code METHOD:REQUEST}: add the appointment to the calendar, or update it. */
  public String request(AppointmentEvent event, Instant stamp, String organizerAddress) {
    return write(event, stamp, organizerAddress, ImmutableMethod.REQUEST, ImmutableStatus.VEVENT_CONFIRMED);
  }

  /** {@code METHOD:CANCEL}: remove the appointment from the calendar. */
  public String cancel(AppointmentEvent event, Instant stamp, String organizerAddress) {
    return write(event, stamp, organizerAddress, ImmutableMethod.CANCEL, ImmutableStatus.VEVENT_CANCELLED);
  }

  private String write(
      AppointmentEvent event, Instant stamp, String organizerAddress, Method method, Status status) {
    AppointmentEvent.Clinic clinic = event.clinic();
    TimeZone zone = zones.getTimeZone(clinic.zoneId());
    VEvent visit = new VEvent(
        local(event.time().start(), clinic.zoneId(), zone),
        local(event.time().end(), clinic.zoneId(), zone),
        event.treatment().name() + " at " + clinic.name());
    visit.replace(new DtStamp(stamp));
    visit.add(new Uid(event.appointmentId()));
    visit.add(new Sequence((int) event.sequence()));
    visit.add(new Location(clinic.address()));
    visit.add(new Description("With " + event.practitioner().name() + ". To cancel or move it,"
        + " use the link in your email or call " + clinic.name() + " on " + clinic.phone() + "."));
    visit.add(status);
    visit.add(new Organizer(mailto(organizerAddress)).add(new Cn(clinic.name())));
    visit.add(new Attendee(mailto(event.patient().email()))
        .add(new Cn(event.patient().name()))
        .add(Role.REQ_PARTICIPANT)
        .add(PartStat.ACCEPTED)
        .add(Rsvp.FALSE));
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT_ID));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(method);
    if (zone != null) {
      calendar.add(zone.getVTimeZone());
    }
    calendar.add(visit);
    StringWriter out = new StringWriter();
    try {
      // Not validated while writing (which only logs): tests check the files against RFC 5545.
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** In the clinic's zone when ical4j knows it, otherwise in UTC: the instant is right either way. */
  private static Temporal local(Instant instant, String zoneId, TimeZone zone) {
    return zone == null ? instant : instant.atZone(ZoneId.of(zoneId));
  }

  private static URI mailto(String address) {
    try {
      // The multi-argument constructor quotes what a URI may not contain.
      return new URI("mailto", address, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not usable as a mailto: address", e);
    }
  }
}
