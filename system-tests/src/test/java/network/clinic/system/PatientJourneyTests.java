package network.clinic.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import network.clinic.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * A patient's whole journey through the public surfaces, as a clinic website and a mail client see
 * it: articles, a free slot, a booking, the mails with their calendar files, a move and a
 * cancellation through the link in the mail, the staff day list, and a reminder when time comes.
 */
// The reminder test moves notification-service's clock days ahead, so it runs last.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PatientJourneyTests {

  private static final String CLINIC = "london-camden";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter ICS_LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final Duration MAIL_WAIT = Duration.ofSeconds(60);

  private LocalStack stack;
  private Clinics clinics;

  @BeforeAll
  void startStack() {
    stack = SystemStack.get();
    clinics = new Clinics(stack);
  }

  @Test
  @Order(1)
  void patientReadsBooksMovesAndCancelsWithAMailForEveryStepAndStaffSeeTheDay() {
    // Browse: the list, one article, and its ETag answering 304.
    Http.Response list = Http.get(clinics.content() + "/api/v1/articles?clinicId=" + CLINIC);
    assertThat(list.status()).isEqualTo(200);
    JsonNode items = list.json().path("items");
    assertThat(items.size()).isPositive();
    String slug = items.get(0).path("slug").asString();
    Http.Response article = Http.get(clinics.content() + "/api/v1/articles/" + slug);
    assertThat(article.status()).isEqualTo(200);
    assertThat(article.json().path("html").asString()).isNotBlank();
    String etag = article.headers().firstValue("ETag").orElseThrow();
    assertThat(Http.get(clinics.content() + "/api/v1/articles/" + slug, "If-None-Match", etag).status()).isEqualTo(304);

    // A free slot 3 days out (well before the changes cutoff) to book, and a later one of the same
    // practitioner within the week after to move it to (a move keeps the practitioner).
    List<Clinics.Slot> first = clinics.freeSlots(CLINIC, "follow-up", 3, 1);
    List<Clinics.Slot> second = clinics.freeSlots(CLINIC, "follow-up", 4, 7);
    if (first.isEmpty()) {
      // Camden is closed on Sundays: look a little further.
      first = clinics.freeSlots(CLINIC, "follow-up", 5, 1);
      second = clinics.freeSlots(CLINIC, "follow-up", 6, 7);
    }
    Clinics.Slot slot = first.get(first.size() / 2);
    Clinics.Slot moveTo = Clinics.anotherOf(second, slot.practitionerId(), List.of(slot));
    String email = Clinics.uniqueEmail("journey");
    Clinics.Booked booked = clinics.book(CLINIC, "follow-up", slot, email);
    assertThat(clinics.freeSlots(CLINIC, "follow-up", 3, 1)).doesNotContain(slot);

    // Confirmation with a calendar invitation for the clinic-local start.
    Clinics.Mail confirmation = awaitMail(email, "confirmation");
    VEvent invite = event(Mailbox.calendar(confirmation.message()));
    assertThat(Mailbox.calendar(confirmation.message()).getProperty(Property.METHOD).map(Property::getValue)).hasValue("REQUEST");
    assertThat(invite.getProperty(Property.UID).map(Property::getValue)).hasValue(booked.id());
    assertStart(invite, slot.start());

    // Move it with the token from the mail's manage link.
    Mailbox.ManageLink link = Mailbox.manageLink(confirmation.message());
    assertThat(link.appointmentId()).isEqualTo(booked.id());
    Http.Response moved =
        Http.post(
            clinics.booking() + "/api/v1/appointments/" + booked.id() + "/reschedule",
            Http.json(Map.of("start", moveTo.start().toString())),
            "X-Manage-Token", link.token());
    assertThat(moved.status()).as("reschedule %s", moved).isEqualTo(200);
    // Every change rotates the token: the confirmation's link no longer opens the appointment.
    assertThat(Http.get(clinics.booking() + "/api/v1/appointments/" + booked.id(), "X-Manage-Token", link.token()).status())
        .isEqualTo(404);

    Clinics.Mail change = awaitMail(email, "change");
    Calendar changeCalendar = Mailbox.calendar(change.message());
    VEvent updated = event(changeCalendar);
    assertThat(updated.getProperty(Property.UID).map(Property::getValue)).hasValue(booked.id());
    assertStart(updated, moveTo.start());
    assertThat(Integer.parseInt(updated.getProperty(Property.SEQUENCE).orElseThrow().getValue()))
        .isGreaterThan(Integer.parseInt(invite.getProperty(Property.SEQUENCE).orElseThrow().getValue()));

    // Cancel with the link from the newest mail.
    Mailbox.ManageLink newLink = Mailbox.manageLink(change.message());
    Http.Response cancelled =
        Http.post(
            clinics.booking() + "/api/v1/appointments/" + booked.id() + "/cancel",
            Http.json(Map.of("reason", "Feeling better")),
            "X-Manage-Token", newLink.token());
    assertThat(cancelled.status()).as("cancel %s", cancelled).isEqualTo(200);
    Clinics.Mail cancellation = awaitMail(email, "cancellation");
    Calendar cancelCalendar = Mailbox.calendar(cancellation.message());
    assertThat(cancelCalendar.getProperty(Property.METHOD).map(Property::getValue)).hasValue("CANCEL");
    assertThat(event(cancelCalendar).getProperty(Property.UID).map(Property::getValue)).hasValue(booked.id());

    assertThat(clinics.kindsTo(email)).containsExactly("confirmation", "change", "cancellation");

    // Staff of the clinic see it cancelled at its last time; the first day no longer lists it active.
    JsonNode day = staffDay(LocalDate.ofInstant(moveTo.start(), LONDON));
    JsonNode listed = find(day, booked.id());
    assertThat(listed.path("status").asString()).isEqualTo("CANCELLED");
    assertThat(Instant.parse(listed.path("start").asString())).isEqualTo(moveTo.start());
    JsonNode firstDay = staffDay(LocalDate.ofInstant(slot.start(), LONDON));
    for (JsonNode appointment : firstDay) {
      if (appointment.path("id").asString().equals(booked.id())) {
        assertThat(appointment.path("status").asString()).isEqualTo("CANCELLED");
      }
    }
    // Staff of another clinic are refused.
    Http.Response other =
        Http.get(
            clinics.booking() + "/api/v1/clinics/" + CLINIC + "/appointments?date=" + LocalDate.ofInstant(moveTo.start(), LONDON),
            "Authorization", Http.bearer(clinics.staffToken("toronto-annex")));
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.isProblem()).isTrue();
  }

  @Test
  @Order(2)
  void reminderIsSentOnceWhenTimeComesAndNeverForACancelledAppointment() {
    // One appointment a week out that stays, and one two days out that is cancelled.
    List<Clinics.Slot> week = clinics.freeSlots(CLINIC, "cupping", 7, 2);
    List<Clinics.Slot> soon = clinics.freeSlots(CLINIC, "cupping", 2, 2);
    Clinics.Slot kept = week.get(week.size() / 2);
    Clinics.Slot dropped = soon.get(soon.size() / 2);
    String keptEmail = Clinics.uniqueEmail("reminder-kept");
    String droppedEmail = Clinics.uniqueEmail("reminder-dropped");
    Clinics.Booked keep = clinics.book(CLINIC, "cupping", kept, keptEmail);
    Clinics.Booked drop = clinics.book(CLINIC, "cupping", dropped, droppedEmail);
    awaitMail(keptEmail, "confirmation");
    awaitMail(droppedEmail, "confirmation");
    Http.Response cancel =
        Http.post(
            clinics.booking() + "/api/v1/appointments/" + drop.id() + "/cancel",
            "{}",
            "X-Manage-Token", drop.manageToken());
    assertThat(cancel.status()).as("cancel %s", cancel).isEqualTo(200);
    awaitMail(droppedEmail, "cancellation");
    assertThat(clinics.kindsTo(keptEmail)).doesNotContain("reminder");

    // Move notification-service's clock to just past "24 h before" the kept appointment.
    Instant serviceNow = advanceClock(Duration.ofSeconds(1));
    Duration toReminder = Duration.between(serviceNow, kept.start().minus(Duration.ofHours(24)).plus(Duration.ofMinutes(5)));
    if (!toReminder.isNegative()) {
      advanceClock(toReminder);
    }

    Clinics.Mail reminder = awaitMail(keptEmail, "reminder");
    assertThat(Mailbox.text(reminder.message())).contains(keep.id());
    // Past the cancelled one's reminder time too (it was earlier): still nothing for it.
    await("quiet after the reminder")
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> clinics.kindsTo(keptEmail).equals(List.of("confirmation", "reminder")));
    assertThat(clinics.kindsTo(droppedEmail)).containsExactly("confirmation", "cancellation");
  }

  private Instant advanceClock(Duration by) {
    Http.Response response = Http.post(clinics.notification() + "/test-support/clock/advance?by=" + by, "");
    assertThat(response.status()).as("clock advance %s", response).isEqualTo(200);
    return Instant.parse(response.json().path("now").asString());
  }

  private Clinics.Mail awaitMail(String email, String kind) {
    return await(kind + " mail")
        .atMost(MAIL_WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> clinics.mails().stream().filter(m -> m.to().contains(email) && m.kind().equals(kind)).findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private JsonNode staffDay(LocalDate date) {
    Http.Response day =
        Http.get(
            clinics.booking() + "/api/v1/clinics/" + CLINIC + "/appointments?date=" + date,
            "Authorization", Http.bearer(clinics.staffToken(CLINIC)));
    assertThat(day.status()).as("day list %s", day).isEqualTo(200);
    return day.json();
  }

  private static JsonNode find(JsonNode list, String id) {
    for (JsonNode appointment : list) {
      if (appointment.path("id").asString().equals(id)) {
        return appointment;
      }
    }
    throw new AssertionError("appointment " + id + " not in the day list");
  }

  private static VEvent event(Calendar calendar) {
    return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow(() -> new AssertionError("no VEVENT"));
  }

  // Humans see clinic-local time: DTSTART carries the clinic's zone and its local wall-clock time.
  private static void assertStart(VEvent event, Instant start) {
    Property dtStart = event.getProperty(Property.DTSTART).orElseThrow();
    assertThat(dtStart.getParameter(Parameter.TZID).map(Parameter::getValue)).hasValue(LONDON.getId());
    assertThat(dtStart.getValue()).isEqualTo(ICS_LOCAL.format(start.atZone(LONDON)));
  }
}
