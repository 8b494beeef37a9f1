package network.clinic.notification.message;

import static network.clinic.notification.AppointmentEvents.aBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import network.clinic.events.AppointmentEvent.CancelledBy;
import network.clinic.events.AppointmentTopics;
import network.clinic.events.CloudEventHeaders;
import network.clinic.events.EventType;
import network.clinic.notification.AppointmentEvents;
import network.clinic.notification.MailParts;
import network.clinic.notification.NotificationScenarioSupport;
import network.clinic.notification.SecondInstance;
import network.clinic.notification.SmsGateway;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Invariants 3 and 5 end to end: an event on the topic becomes exactly one email (and SMS, with
 * consent) in the patient's clinic-local time, whatever Kafka, the SMTP server or a second
 * instance do. Real broker, real database, real SMTP server (GreenMail).
 */
@ExtendWith(OutputCaptureExtension.class)
@Import(SentMarkOutage.Installed.class)
abstract class DeliveryScenarios extends NotificationScenarioSupport {

  private static final SentMarkOutage SENT_MARK_OUTAGE = SentMarkOutage.Installed.OUTAGE;

  @Autowired DispatchProperties dispatch;

  private static final String WHEN = "Tuesday 16 June 2026, 09:30 (Europe/London, BST)";
  private static final String CLINIC = "Larkspur Acupuncture Islington";
  private static final String MANAGE_URL =
      "https://booking.example.org/manage/apt-5k2q8r?token=3f9c1a7e52d84b60";

  @Test
  void bookingSendsOneConfirmationWithLocalTimeManageLinkAndCalendarFile() throws Exception {
    AppointmentEvents.Builder booked = aBooking().consent(true, false);
    double sentBefore = count(MessageMetrics.SENT, "channel", "email", "type", "confirmation");
    long latenciesBefore = latencies("email", "confirmation").count();

    send(booked);

    MimeMessage mail = awaitMails(booked.patientEmail(), 1).getFirst();
    MailParts parts = MailParts.of(mail);
    assertThat(parts.subject()).isEqualTo("Appointment confirmed: " + WHEN + " at " + CLINIC);
    InternetAddress from = (InternetAddress) mail.getFrom()[0];
    assertThat(from.getPersonal()).isEqualTo(CLINIC);
    assertThat(from.getAddress()).isEqualTo("no-reply@clinic.network");
    assertThat(mail.getHeader("Message-ID")[0])
        .isEqualTo("<" + booked.eventId() + ".email.confirmation@notification.clinic.network>");
    assertThat(parts.text())
        .contains(WHEN)
        .contains(MANAGE_URL)
        .contains("call " + CLINIC + " on +44 20 7946 0321")
        .contains("at least 24 hours before it starts");
    assertThat(parts.html()).contains(WHEN).contains("href=\"" + MANAGE_URL + "\"");
    assertThat(parts.attachmentNames()).containsExactly("appointment.ics");
    assertThat(parts.calendarContentType()).contains("method=REQUEST");

    VEvent visit = calendarEvent(parts, "REQUEST");
    assertThat(visit.getProperty(Property.UID).orElseThrow().getValue())
        .isEqualTo(booked.appointmentId());
    assertThat(visit.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
    assertThat(visit.getDateTimeStart().getParameter(Parameter.TZID).orElseThrow().getValue())
        .isEqualTo("Europe/London");
    assertThat(ZonedDateTime.from(visit.getDateTimeStart().getDate()).toInstant())
        .isEqualTo(Instant.parse("2026-06-16T08:30:00Z"));
    assertThat(ZonedDateTime.from(visit.getDateTimeEnd().getDate()).toInstant())
        .isEqualTo(Instant.parse("2026-06-16T09:30:00Z"));
    assertThat(visit.getProperty(Property.LOCATION).orElseThrow().getValue())
        .isEqualTo("14 Alder Court, Islington, London N1 9ZZ");

    Document message = awaitMessage(
        booked.appointmentId(), "EMAIL", "CONFIRMATION", status("SENT"));
    assertThat(message.getInteger("attempts")).isEqualTo(1);
    assertThat(message.getDate("acceptedAt")).isNotNull();
    assertThat(message).as("no personal data kept once sent").doesNotContainKey("payload");
    assertMailCountStays(booked.patientEmail(), 1);
    assertThat(count(MessageMetrics.SENT, "channel", "email", "type", "confirmation"))
        .isEqualTo(sentBefore + 1);
    assertThat(latencies("email", "confirmation").count()).isEqualTo(latenciesBefore + 1);
  }

  @Test
  void theSameEventDeliveredThreeTimesSendsOneMail() {
    AppointmentEvents.Builder booked = aBooking().consent(true, false);
    double duplicatesBefore = count("notification.events.received",
        "type", EventType.BOOKED.cloudEventType(), "outcome", "duplicate");

    send(booked);
    send(booked);
    send(booked);

    awaitMails(booked.patientEmail(), 1);
    await().atMost(PATIENCE).until(() -> count("notification.events.received",
        "type", EventType.BOOKED.cloudEventType(), "outcome", "duplicate")
        == duplicatesBefore + 2);
    assertMailCountStays(booked.patientEmail(), 1);
    assertThat(messages(booked.appointmentId()))
        .filteredOn(message -> "CONFIRMATION".equals(message.getString("kind")))
        .hasSize(1);
  }

  @AfterEach
  void endSentMarkOutage() {
    SENT_MARK_OUTAGE.end();
  }

  @Test
  void anEventRedeliveredAfterACrashBeforeItsReceivedMarkSendsEachMessageOnce() {
    String phone = freshPhone();
    AppointmentEvents.Builder booked = aBooking().consent(true, true).phone(phone);
    send(booked);
    awaitMessage(booked.appointmentId(), "EMAIL", "CONFIRMATION", status("SENT"));
    awaitMessage(booked.appointmentId(), "SMS", "CONFIRMATION", status("SENT"));
    await().atMost(PATIENCE).until(() -> received(booked.eventId()));
    Map<String, String> recorded = statusById(booked.appointmentId());
    assertThat(recorded).hasSize(4);
    // What a crash after recording the messages and before the "received" mark leaves behind.
    mongo.remove(query(where("_id").is(booked.eventId().toString())), "received_events");
    double handledBefore = count("notification.events.received",
        "type", EventType.BOOKED.cloudEventType(), "outcome", "recorded");

    send(booked);

    await().atMost(PATIENCE).until(() -> received(booked.eventId()));
    assertThat(count("notification.events.received",
        "type", EventType.BOOKED.cloudEventType(), "outcome", "recorded"))
        .as("handled again as new, not dropped as a repeat").isEqualTo(handledBefore + 1);
    assertMailCountStays(booked.patientEmail(), 1);
    assertThat(SMS.to(phone)).hasSize(1);
    assertThat(statusById(booked.appointmentId())).isEqualTo(recorded);
  }

  @Test
  void aMailAcceptedWhileItsSentMarkFailsIsNotSentAgainAndIsMarkedOnceTheWriteSucceeds() {
    AppointmentEvents.Builder booked = aBooking().consent(false, false);
    SENT_MARK_OUTAGE.refuseFor(booked.eventId());

    send(booked);

    awaitMails(booked.patientEmail(), 1);
    // The immediate tries, then at least one more from a timed pass.
    await().atMost(PATIENCE).until(() -> SENT_MARK_OUTAGE.refusals() > dispatch.markSentAttempts());
    Document unmarked = awaitMessage(
        booked.appointmentId(), "EMAIL", "CONFIRMATION", status("PENDING"));
    assertThat(unmarked.getInteger("attempts")).isEqualTo(1);
    // Its lease runs out while the write is still refused: a pass that claimed it now would
    // send it a second time.
    CLOCK.advance(dispatch.lease().plusSeconds(1));
    int refusalsAfterLease = SENT_MARK_OUTAGE.refusals();
    await().atMost(PATIENCE).until(() -> SENT_MARK_OUTAGE.refusals() > refusalsAfterLease);
    assertMailCountStays(booked.patientEmail(), 1);

    SENT_MARK_OUTAGE.end();

    Document sent = awaitMessage(booked.appointmentId(), "EMAIL", "CONFIRMATION", status("SENT"));
    assertThat(sent.getInteger("attempts")).isEqualTo(1);
    assertThat(sent.getDate("acceptedAt")).as("when the server took it").isEqualTo(Date.from(BASE));
    assertMailCountStays(booked.patientEmail(), 1);
  }

  @Test
  void twoInstancesInOneGroupSendOneMailPerEvent() {
    try (SecondInstance second = SecondInstance.like(environment, CLOCK)) {
      KafkaListenerEndpointRegistry theirs = second.bean(KafkaListenerEndpointRegistry.class);
      await().atMost(PATIENCE).until(() -> {
        int mine = assigned(listeners.getListenerContainer("appointment-events")).size();
        int others = assigned(theirs.getListenerContainer("appointment-events")).size();
        return mine > 0 && others > 0 && mine + others == 3;
      });
      List<AppointmentEvents.Builder> bookings = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        // Two events on each partition, so both instances consume some; both dispatch.
        AppointmentEvents.Builder booked = aBooking().consent(true, false).partition(i % 3);
        bookings.add(booked);
        send(booked);
      }

      for (AppointmentEvents.Builder booked : bookings) {
        awaitMails(booked.patientEmail(), 1);
      }
      assertMailCountsStay(bookings.stream()
          .collect(Collectors.toMap(AppointmentEvents.Builder::patientEmail, booked -> 1)));
      assertThat(count(second.bean(MeterRegistry.class),
          "notification.events.received",
          "type", EventType.BOOKED.cloudEventType(), "outcome", "recorded"))
          .as("the second instance consumed some of the events").isPositive();
    }
  }

  @Test
  void eachMailArrivesOnceWhenTheSmtpServerComesBack() {
    smtp.stop();
    List<AppointmentEvents.Builder> bookings = List.of(
        aBooking().consent(true, false), aBooking().consent(true, false),
        aBooking().consent(true, false));
    double retriesBefore =
        count(MessageMetrics.ATTEMPTS_FAILED, "channel", "email", "type", "confirmation");

    bookings.forEach(this::send);

    // The consumer is not held up: every event is recorded while SMTP is down, and tried once.
    for (AppointmentEvents.Builder booked : bookings) {
      Document waiting = awaitMessage(booked.appointmentId(), "EMAIL", "CONFIRMATION",
          message -> message.getInteger("attempts") == 1 && message.containsKey("lastError"));
      assertThat(waiting.getString("status")).isEqualTo("PENDING");
      assertThat(waiting.getString("lastError")).contains("MailConnectException");
      assertThat(received(booked.eventId())).isTrue();
    }
    assertThat(count(MessageMetrics.ATTEMPTS_FAILED, "channel", "email", "type", "confirmation"))
        .isEqualTo(retriesBefore + 3);

    smtp.start();
    CLOCK.advance(Duration.ofSeconds(11));

    for (AppointmentEvents.Builder booked : bookings) {
      awaitMails(booked.patientEmail(), 1);
      Document sent = awaitMessage(
          booked.appointmentId(), "EMAIL", "CONFIRMATION", status("SENT"));
      assertThat(sent.getInteger("attempts")).isEqualTo(2);
    }
    assertMailCountsStay(bookings.stream()
        .collect(Collectors.toMap(AppointmentEvents.Builder::patientEmail, booked -> 1)));
  }

  @Test
  void aMessageIsFailedAfterItsLastAttemptAndNeverSentLater() {
    smtp.stop();
    AppointmentEvents.Builder booked = aBooking().consent(false, false);
    double failedBefore = count(MessageMetrics.FAILED, "channel", "email", "type", "confirmation");

    send(booked);

    // Three attempts in the scenarios' settings: 10 s, then 20 s apart. The clock moves only once
    // an attempt is over (its lease given back): the next one is scheduled from when it failed.
    for (int attempt = 1; attempt < 3; attempt++) {
      int tried = attempt;
      awaitMessage(booked.appointmentId(), "EMAIL", "CONFIRMATION",
          message -> message.getInteger("attempts") == tried && !message.containsKey("leaseOwner"));
      CLOCK.advance(Duration.ofSeconds(25));
    }
    Document failed = awaitMessage(
        booked.appointmentId(), "EMAIL", "CONFIRMATION", status("FAILED"));
    assertThat(failed.getInteger("attempts")).isEqualTo(3);
    assertThat(failed).doesNotContainKey("payload").doesNotContainKey("nextAttemptAt");
    assertThat(count(MessageMetrics.FAILED, "channel", "email", "type", "confirmation"))
        .isEqualTo(failedBefore + 1);

    smtp.start();
    CLOCK.advance(Duration.ofHours(1));
    assertMailCountStays(booked.patientEmail(), 0);
  }

  @Test
  void poisonIsDeadLetteredAndTheNextEventOfItsPartitionIsStillMailed() {
    AppointmentEvents.Builder booked = aBooking().consent(true, false);
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    headers.add(CloudEventHeaders.TYPE,
        EventType.BOOKED.cloudEventType().getBytes(StandardCharsets.UTF_8));
    ProducerRecord<String, String> poison = new ProducerRecord<>(
        AppointmentTopics.APPOINTMENTS, null, booked.appointmentId(), "not JSON {", headers);
    double deadBefore = count("notification.events.dead.lettered", "reason", "invalid");

    RecordMetadata poisonSent = send(poison);
    RecordMetadata bookedSent = send(booked);

    assertThat(bookedSent.partition()).as("same key, same partition")
        .isEqualTo(poisonSent.partition());
    awaitMails(booked.patientEmail(), 1);
    await().atMost(PATIENCE).until(() ->
        count("notification.events.dead.lettered", "reason", "invalid") == deadBefore + 1);
  }

  @Test
  void rescheduleSendsOneChangeNoticeWithTheOldAndNewTimeAndAnUpdatedInvitation()
      throws Exception {
    AppointmentEvents.Builder booked = aBooking().consent(true, false);
    AppointmentEvents.Builder moved = booked.then(EventType.RESCHEDULED)
        .startingAt(Instant.parse("2026-06-18T13:00:00Z"));
    send(booked);
    awaitMails(booked.patientEmail(), 1);

    send(moved);

    String now = "Thursday 18 June 2026, 14:00 (Europe/London, BST)";
    MailParts change = awaitOneMail(booked.patientEmail(),
        mail -> mail.subject().startsWith("Appointment moved"));
    assertThat(change.subject()).isEqualTo("Appointment moved: now " + now + " at " + CLINIC);
    assertThat(change.text()).contains("Was: " + WHEN).contains("Now: " + now);
    VEvent visit = calendarEvent(change, "REQUEST");
    assertThat(visit.getProperty(Property.UID).orElseThrow().getValue())
        .isEqualTo(booked.appointmentId());
    assertThat(visit.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
    assertThat(ZonedDateTime.from(visit.getDateTimeStart().getDate()).toInstant())
        .isEqualTo(Instant.parse("2026-06-18T13:00:00Z"));
    assertMailCountStays(booked.patientEmail(), 2);
  }

  @Test
  void staffCancellationSendsTheReasonAndACalendarCancellation() throws Exception {
    AppointmentEvents.Builder booked = aBooking().consent(true, false);
    AppointmentEvents.Builder cancelled = booked.then(EventType.CANCELLED)
        .cancelledBy(CancelledBy.STAFF, "Mei is unwell today");
    send(booked);
    awaitMails(booked.patientEmail(), 1);

    send(cancelled);

    MailParts notice = awaitOneMail(booked.patientEmail(),
        mail -> mail.subject().startsWith("Appointment cancelled"));
    assertThat(notice.subject()).isEqualTo("Appointment cancelled: " + WHEN + " at " + CLINIC);
    assertThat(notice.text()).contains("The clinic had to cancel it")
        .contains("Reason: Mei is unwell today");
    assertThat(notice.calendarContentType()).contains("method=CANCEL");
    VEvent visit = calendarEvent(notice, "CANCEL");
    assertThat(visit.getProperty(Property.UID).orElseThrow().getValue())
        .isEqualTo(booked.appointmentId());
    assertThat(visit.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
    assertThat(visit.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
    assertMailCountStays(booked.patientEmail(), 2);
  }

  @Test
  void patientCancellationIsConfirmedWithoutRepeatingTheirReason() {
    AppointmentEvents.Builder booked = aBooking().consent(true, false);
    AppointmentEvents.Builder cancelled = booked.then(EventType.CANCELLED)
        .cancelledBy(CancelledBy.PATIENT, "Away with work that week");
    send(booked);
    awaitMails(booked.patientEmail(), 1);

    send(cancelled);

    MailParts notice = awaitOneMail(booked.patientEmail(),
        mail -> mail.subject().startsWith("Appointment cancelled"));
    assertThat(notice.text()).contains("It was cancelled as you asked.")
        .doesNotContain("Away with work");
  }

  @Test
  void anOlderEventArrivingAfterANewerOneSendsNothing() {
    AppointmentEvents.Builder booked = aBooking().consent(true, false);
    AppointmentEvents.Builder moved = booked.then(EventType.RESCHEDULED)
        .startingAt(Instant.parse("2026-06-18T13:00:00Z"));

    send(moved);
    awaitMails(booked.patientEmail(), 1);
    send(booked);

    await().atMost(PATIENCE).until(() -> received(booked.eventId()));
    assertMailCountStays(booked.patientEmail(), 1);
    assertThat(messages(booked.appointmentId()))
        .extracting(message -> message.getString("eventId"))
        .containsOnly(moved.eventId().toString());
  }

  @Test
  void confirmationGoesByEmailWithoutEmailConsentButNoReminderIsPlanned() {
    AppointmentEvents.Builder booked = aBooking().consent(false, false).phone(freshPhone());

    send(booked);

    awaitMails(booked.patientEmail(), 1);
    awaitMessage(booked.appointmentId(), "EMAIL", "CONFIRMATION", status("SENT"));
    assertThat(messages(booked.appointmentId()))
        .extracting(message -> message.getString("channel") + " " + message.getString("kind"))
        .containsExactly("EMAIL CONFIRMATION");
  }

  @Test
  void smsGoesToTheWebhookOnceWithConsentAndANumber() {
    String phone = freshPhone();
    AppointmentEvents.Builder booked = aBooking().consent(true, true).phone(phone);

    send(booked);

    Document sms = awaitMessage(booked.appointmentId(), "SMS", "CONFIRMATION", status("SENT"));
    List<SmsGateway.Received> received = SMS.to(phone);
    assertThat(received).hasSize(1);
    assertThat(received.getFirst().idempotencyKey()).isEqualTo(sms.getString("_id"));
    assertThat(received.getFirst().contentType()).startsWith("application/json");
    assertThat(received.getFirst().text())
        .startsWith(CLINIC + ": your Initial consultation and acupuncture appointment on"
            + " Tue 16 Jun, 09:30 BST is confirmed.");
    awaitMails(booked.patientEmail(), 1);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
        .until(() -> SMS.to(phone).size() == 1);
  }

  @Test
  void noSmsWithoutConsentOrWithoutANumber() {
    String phone = freshPhone();
    AppointmentEvents.Builder noConsent = aBooking().consent(true, false).phone(phone);
    AppointmentEvents.Builder noNumber = aBooking().consent(true, true).phone(null);

    send(noConsent);
    send(noNumber);

    awaitMails(noConsent.patientEmail(), 1);
    awaitMails(noNumber.patientEmail(), 1);
    assertThat(messages(noConsent.appointmentId()))
        .extracting(message -> message.getString("channel")).containsOnly("EMAIL");
    assertThat(messages(noNumber.appointmentId()))
        .extracting(message -> message.getString("channel")).containsOnly("EMAIL");
    assertThat(SMS.to(phone)).isEmpty();
  }

  @Test
  void aFailingSmsGatewayIsRetriedAndTheSmsSentOnce() {
    String phone = freshPhone();
    AppointmentEvents.Builder booked = aBooking().consent(true, true).phone(phone);
    SMS.answer(503);

    send(booked);

    awaitMessage(booked.appointmentId(), "SMS", "CONFIRMATION",
        message -> message.getInteger("attempts") == 1 && message.containsKey("lastError"));
    SMS.answer(202);
    CLOCK.advance(Duration.ofSeconds(11));
    awaitMessage(booked.appointmentId(), "SMS", "CONFIRMATION", status("SENT"));
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
        .until(() -> SMS.to(phone).size() == 1);
  }

  @Test
  void logsShowIdsButNoPersonalData(CapturedOutput output) {
    String name = "Canary " + UUID.randomUUID();
    String phone = freshPhone();
    AppointmentEvents.Builder booked = aBooking().consent(true, true).phone(phone)
        .patientName(name);

    send(booked);

    awaitMessage(booked.appointmentId(), "EMAIL", "CONFIRMATION", status("SENT"));
    awaitMessage(booked.appointmentId(), "SMS", "CONFIRMATION", status("SENT"));
    assertThat(output.getAll())
        .contains(booked.appointmentId())
        .doesNotContain(booked.patientEmail())
        .doesNotContain(name)
        .doesNotContain(phone)
        .doesNotContain("token=");
  }

  private Map<String, String> statusById(String appointmentId) {
    return messages(appointmentId).stream().collect(Collectors.toMap(
        message -> message.getString("_id"), message -> message.getString("status")));
  }

  private Timer latencies(String channel, String type) {
    return meters.find(MessageMetrics.LATENCY).tag("channel", channel).tag("type", type).timer();
  }

  private static VEvent calendarEvent(MailParts parts, String method) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(parts.calendar()));
    assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo(method);
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).hasSize(1);
    return events.getFirst();
  }
}
