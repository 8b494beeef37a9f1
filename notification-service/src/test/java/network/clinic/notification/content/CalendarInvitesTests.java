package network.clinic.notification.content;

import static network.clinic.notification.AppointmentEvents.aBooking;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.validate.ValidationResult;
import network.clinic.events.EventType;
import network.clinic.notification.AppointmentEvents;
import org.junit.jupiter.api.Test;

/** Reads what {@link CalendarInvites} writes with the same library, as a calendar would. */
class CalendarInvitesTests {

  private static final Instant STAMP = Instant.parse("2026-06-02T14:05:13Z");
  private static final String ORGANIZER = "no-reply@clinic.network";

  private final CalendarInvites invites = new CalendarInvites();

  @Test
  void requestHasTheAppointmentIdAsUidItsSequenceAndLocalTimesInTheClinicsZone()
      throws Exception {
    AppointmentEvents.Builder booked = aBooking();

    Calendar calendar = parse(invites.request(booked.event(), STAMP, ORGANIZER));

    assertThat(value(calendar.getProperty(Property.METHOD))).isEqualTo("REQUEST");
    VEvent visit = onlyEvent(calendar);
    assertThat(value(visit.getProperty(Property.UID))).isEqualTo(booked.appointmentId());
    assertThat(value(visit.getProperty(Property.SEQUENCE))).isEqualTo("1");
    assertThat(value(visit.getProperty(Property.STATUS))).isEqualTo("CONFIRMED");
    assertThat(value(visit.getProperty(Property.LOCATION)))
        .isEqualTo("14 Alder Court, Islington, London N1 9ZZ");
    DtStart<Temporal> start = visit.getDateTimeStart();
    DtEnd<Temporal> end = visit.getDateTimeEnd();
    assertThat(start.getParameter(Parameter.TZID).map(Parameter::getValue))
        .contains("Europe/London");
    assertThat(start.getValue()).isEqualTo("20260616T093000");
    assertThat(ZonedDateTime.from(start.getDate()).toInstant())
        .isEqualTo(Instant.parse("2026-06-16T08:30:00Z"));
    assertThat(ZonedDateTime.from(end.getDate()).toInstant())
        .isEqualTo(Instant.parse("2026-06-16T09:30:00Z"));
    assertThat(value(visit.getProperty(Property.DTSTAMP))).isEqualTo("20260602T140513Z");
    assertThat(value(visit.getProperty(Property.ORGANIZER))).isEqualTo("mailto:" + ORGANIZER);
    assertThat(value(visit.getProperty(Property.ATTENDEE)))
        .isEqualTo("mailto:" + booked.patientEmail());
    assertThat(calendar.getComponent("VTIMEZONE")).isPresent();
    ValidationResult validation = calendar.validate();
    assertThat(validation.hasErrors()).as(validation.toString()).isFalse();
  }

  @Test
  void aChangeKeepsTheUidAndRaisesTheSequence() throws Exception {
    AppointmentEvents.Builder booked = aBooking();
    AppointmentEvents.Builder moved = booked.then(EventType.RESCHEDULED)
        .startingAt(Instant.parse("2026-06-18T13:00:00Z"));

    VEvent visit = onlyEvent(parse(invites.request(moved.event(), STAMP, ORGANIZER)));

    assertThat(value(visit.getProperty(Property.UID))).isEqualTo(booked.appointmentId());
    assertThat(value(visit.getProperty(Property.SEQUENCE))).isEqualTo("2");
    assertThat(visit.getDateTimeStart().getValue()).isEqualTo("20260618T140000");
  }

  @Test
  void cancellationIsMethodCancelForTheSameUid() throws Exception {
    AppointmentEvents.Builder booked = aBooking();
    AppointmentEvents.Builder cancelled = booked.then(EventType.CANCELLED);

    Calendar calendar = parse(invites.cancel(cancelled.event(), STAMP, ORGANIZER));

    assertThat(value(calendar.getProperty(Property.METHOD))).isEqualTo("CANCEL");
    VEvent visit = onlyEvent(calendar);
    assertThat(value(visit.getProperty(Property.UID))).isEqualTo(booked.appointmentId());
    assertThat(value(visit.getProperty(Property.SEQUENCE))).isEqualTo("2");
    assertThat(value(visit.getProperty(Property.STATUS))).isEqualTo("CANCELLED");
    ValidationResult validation = calendar.validate();
    assertThat(validation.hasErrors()).as(validation.toString()).isFalse();
  }

  @Test
  void winterTimesUseTheSameZoneWithItsWinterOffset() throws Exception {
    AppointmentEvents.Builder booked = aBooking()
        .occurredAt(Instant.parse("2026-11-20T10:00:00Z"))
        .startingAt(Instant.parse("2026-12-01T09:30:00Z"));

    VEvent visit = onlyEvent(parse(invites.request(booked.event(), STAMP, ORGANIZER)));

    assertThat(visit.getDateTimeStart().getValue()).isEqualTo("20261201T093000");
    assertThat(ZonedDateTime.from(visit.getDateTimeStart().getDate()).toInstant())
        .isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));
  }

  static Calendar parse(String ics) throws IOException, ParserException {
    return new CalendarBuilder().build(new StringReader(ics));
  }

  static VEvent onlyEvent(Calendar calendar) {
    assertThat(calendar.getComponents("VEVENT")).hasSize(1);
    return (VEvent) calendar.getComponents("VEVENT").getFirst();
  }

  private static String value(java.util.Optional<? extends Property> property) {
    return property.map(Property::getValue).orElse(null);
  }
}
