package network.clinic.notification.content;

import static network.clinic.notification.AppointmentEvents.aBooking;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import network.clinic.events.AppointmentEvent.CancelledBy;
import network.clinic.events.EventType;
import network.clinic.notification.AppointmentEvents;
import network.clinic.notification.message.MessageKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageTemplatesTests {

  private static final String MANAGE_URL =
      "https://booking.example.org/manage/apt-5k2q8r?token=3f9c1a7e52d84b60";
  private static final String WHEN = "Tuesday 16 June 2026, 09:30 (Europe/London, BST)";

  private final MessageTemplates templates = new MessageTemplates(new ContentProperties(Locale.UK));

  @Test
  void confirmationCarriesTimeClinicLinkHowToCancelAndThePolicy() {
    EmailContent mail = templates.email(MessageKind.CONFIRMATION, aBooking().event());

    assertThat(mail.subject())
        .isEqualTo("Appointment confirmed: " + WHEN + " at Larkspur Acupuncture Islington");
    assertThat(mail.text())
        .contains("Dear Jordan Ellery,")
        .contains("When:         " + WHEN + ", until 10:30")
        .contains("Initial consultation and acupuncture (60 minutes)")
        .contains("Practitioner: Mei Ashworth")
        .contains("14 Alder Court, Islington, London N1 9ZZ")
        .contains("View, move or cancel your appointment: " + MANAGE_URL)
        .contains("call Larkspur Acupuncture Islington on +44 20 7946 0321")
        .contains("at least 24 hours before it starts")
        .doesNotContain("[(")
        .doesNotContain("th:");
    assertThat(mail.html())
        .contains("<strong>" + WHEN + "</strong>")
        .contains("href=\"" + MANAGE_URL + "\"")
        .contains("at least\n    <span>24</span> hours")
        .contains("+44 20 7946 0321")
        .doesNotContain("th:");
  }

  @ParameterizedTest
  @EnumSource(MessageKind.class)
  void everyKindRendersAllThreeParts(MessageKind kind) {
    AppointmentEvents.Builder booked = aBooking();
    AppointmentEvents.Builder event = switch (kind) {
      case CHANGE -> booked.then(EventType.RESCHEDULED)
          .startingAt(Instant.parse("2026-06-18T13:00:00Z"));
      case CANCELLATION -> booked.then(EventType.CANCELLED);
      case NO_SHOW_FOLLOW_UP -> booked.then(EventType.NO_SHOW);
      default -> booked;
    };

    EmailContent mail = templates.email(kind, event.event());
    String sms = templates.sms(kind, event.event());

    assertThat(mail.subject()).isNotBlank().doesNotContain("\n").contains("Larkspur");
    assertThat(mail.text()).contains("Jordan Ellery").contains("+44 20 7946 0321");
    assertThat(mail.html()).contains("Jordan Ellery").contains("+44 20 7946 0321");
    assertThat(sms).startsWith(kind == MessageKind.REMINDER ? "Reminder from Larkspur" : "Larkspur")
        .contains("+44 20 7946 0321")
        .doesNotContain("token=")
        .hasSizeLessThan(320);
  }

  @Test
  void changeNoticeShowsTheOldAndTheNewTime() {
    AppointmentEvents.Builder moved = aBooking().then(EventType.RESCHEDULED)
        .startingAt(Instant.parse("2026-06-18T13:00:00Z"));

    EmailContent mail = templates.email(MessageKind.CHANGE, moved.event());

    String now = "Thursday 18 June 2026, 14:00 (Europe/London, BST)";
    assertThat(mail.subject()).isEqualTo(
        "Appointment moved: now " + now + " at Larkspur Acupuncture Islington");
    assertThat(mail.text()).contains("Was: " + WHEN).contains("Now: " + now);
    assertThat(mail.html()).contains("<s>" + WHEN + "</s>").contains(now);
    assertThat(templates.sms(MessageKind.CHANGE, moved.event()))
        .contains("moved to Thu 18 Jun, 14:00 BST (was Tue 16 Jun, 09:30 BST)");
  }

  @Test
  void staffCancellationGivesTheClinicsReason() {
    AppointmentEvents.Builder cancelled = aBooking().then(EventType.CANCELLED)
        .cancelledBy(CancelledBy.STAFF, "Mei is unwell today");

    EmailContent mail = templates.email(MessageKind.CANCELLATION, cancelled.event());

    assertThat(mail.subject()).isEqualTo(
        "Appointment cancelled: " + WHEN + " at Larkspur Acupuncture Islington");
    assertThat(mail.text()).contains("The clinic had to cancel it")
        .contains("Reason: Mei is unwell today");
    assertThat(mail.html()).contains("Reason: <span>Mei is unwell today</span>");
  }

  @Test
  void patientCancellationDoesNotRepeatThePatientsOwnReason() {
    AppointmentEvents.Builder cancelled = aBooking().then(EventType.CANCELLED)
        .cancelledBy(CancelledBy.PATIENT, "Away with work that week");

    EmailContent mail = templates.email(MessageKind.CANCELLATION, cancelled.event());

    assertThat(mail.text()).contains("It was cancelled as you asked.")
        .doesNotContain("Away with work").doesNotContain("Reason:");
    assertThat(mail.html()).doesNotContain("Away with work");
  }

  @Test
  void valuesAreEscapedInHtml() {
    AppointmentEvents.Builder booked = aBooking().patientName("<script>alert(1)</script> & Co");

    EmailContent mail = templates.email(MessageKind.CONFIRMATION, booked.event());

    assertThat(mail.html()).doesNotContain("<script>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
    assertThat(mail.text()).contains("<script>alert(1)</script> & Co");
  }

  @Test
  void aLinkThatIsNotHttpIsLeftOut() {
    AppointmentEvents.Builder booked = aBooking().manageUrl("javascript:alert(1)");

    EmailContent mail = templates.email(MessageKind.CONFIRMATION, booked.event());

    assertThat(mail.html()).doesNotContain("javascript:").contains("To cancel or move it, call");
    assertThat(mail.text()).doesNotContain("javascript:")
        .contains("To cancel or move it, call Larkspur Acupuncture Islington on +44 20 7946 0321.");
  }

  @Test
  void theWarningAboutTheLinkComesOnlyWithALink() {
    EmailContent withLink = templates.email(MessageKind.CONFIRMATION, aBooking().event());
    EmailContent withoutLink = templates.email(
        MessageKind.CONFIRMATION, aBooking().manageUrl("javascript:alert(1)").event());

    assertThat(withLink.html()).contains("keep the link to yourself");
    assertThat(withLink.text()).contains("keep the link to yourself");
    assertThat(withoutLink.html()).doesNotContain("keep the link");
    assertThat(withoutLink.text()).doesNotContain("keep the link");
  }

  @Test
  void withoutACutoffThePolicySaysUntilTheStart() {
    EmailContent mail = templates.email(
        MessageKind.CONFIRMATION, aBooking().cancellationCutoffHours(0).event());

    assertThat(mail.text()).contains("up to the time it starts").doesNotContain("at least 0");
  }
}
