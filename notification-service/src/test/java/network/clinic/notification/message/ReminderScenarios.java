package network.clinic.notification.message;

import static network.clinic.notification.AppointmentEvents.aBooking;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import network.clinic.events.EventType;
import network.clinic.notification.AppointmentEvents;
import network.clinic.notification.MailParts;
import network.clinic.notification.NotificationScenarioSupport;
import network.clinic.notification.SecondInstance;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Invariant 4: reminders go out once, at the clinic's lead time before the visit, never for a
 * cancelled appointment nor for the old time of a moved one; they live in the database, so they
 * survive restarts and no two instances send the same one. Time moves with the scenarios' clock.
 */
abstract class ReminderScenarios extends NotificationScenarioSupport {

  /** The example visit: Tuesday 16 June 2026, 08:30 UTC (09:30 BST); reminded 24 h before. */
  private static final Instant START = Instant.parse("2026-06-16T08:30:00Z");
  private static final Instant DUE = START.minus(Duration.ofHours(24));

  @Test
  void reminderIsSentOnceAtTheLeadTimeBeforeTheVisit() {
    AppointmentEvents.Builder booked = aBooking().consent(true, false);
    send(booked);
    awaitMails(booked.patientEmail(), 1);
    Document scheduled = awaitMessage(
        booked.appointmentId(), "EMAIL", "REMINDER", status("PENDING"));
    assertThat(scheduled.getDate("dueAt").toInstant()).isEqualTo(DUE);

    CLOCK.set(DUE.minusSeconds(60));
    assertMailCountStays(booked.patientEmail(), 1);
    CLOCK.set(DUE.plusSeconds(1));

    MailParts reminder = awaitOneMail(booked.patientEmail(),
        mail -> mail.subject().startsWith("Reminder"));
    assertThat(reminder.subject()).isEqualTo("Reminder: Tuesday 16 June 2026, 09:30"
        + " (Europe/London, BST) at Larkspur Acupuncture Islington");
    assertThat(reminder.text())
        .contains("https://booking.example.org/manage/apt-5k2q8r?token=3f9c1a7e52d84b60")
        .contains("at least 24 hours before it starts");
    assertThat(reminder.attachmentNames()).isEmpty();
    assertMailCountStays(booked.patientEmail(), 2);
    awaitMessage(booked.appointmentId(), "EMAIL", "REMINDER", status("SENT"));
  }

  @Test
  void cancellingBeforeTheReminderMeansNoReminder() {
    AppointmentEvents.Builder booked = aBooking().consent(true, false);
    AppointmentEvents.Builder cancelled = booked.then(EventType.CANCELLED);
    send(booked);
    awaitMessage(booked.appointmentId(), "EMAIL", "REMINDER", status("PENDING"));

    send(cancelled);

    Document reminder = awaitMessage(
        booked.appointmentId(), "EMAIL", "REMINDER", status("CANCELLED"));
    assertThat(reminder.getString("supersededBy")).isEqualTo(cancelled.eventId().toString());
    assertThat(reminder).doesNotContainKey("payload");
    awaitMails(booked.patientEmail(), 2);
    CLOCK.set(START.minusSeconds(60));
    assertMailCountStays(booked.patientEmail(), 2);
    assertThat(mailsTo(booked.patientEmail())).extracting(mail -> MailParts.of(mail).subject())
        .noneMatch(subject -> subject.startsWith("Reminder"));
  }

  @Test
  void reschedulingMovesTheReminderToTheNewTimeOnly() {
    Instant newStart = Instant.parse("2026-06-18T13:00:00Z");
    AppointmentEvents.Builder booked = aBooking().consent(true, false);
    AppointmentEvents.Builder moved = booked.then(EventType.RESCHEDULED).startingAt(newStart);
    send(booked);
    awaitMessage(booked.appointmentId(), "EMAIL", "REMINDER", status("PENDING"));
    send(moved);
    awaitMails(booked.patientEmail(), 2);

    // The old reminder's time passes: nothing.
    CLOCK.set(DUE.plusSeconds(60));
    assertMailCountStays(booked.patientEmail(), 2);
    // The new one's: one reminder, for the new time.
    CLOCK.set(newStart.minus(Duration.ofHours(24)).plusSeconds(1));
    MailParts reminder = awaitOneMail(booked.patientEmail(),
        mail -> mail.subject().startsWith("Reminder"));
    assertThat(reminder.subject()).contains("Thursday 18 June 2026, 14:00 (Europe/London, BST)");
    assertMailCountStays(booked.patientEmail(), 3);
    assertThat(messages(booked.appointmentId()))
        .filteredOn(message -> "REMINDER".equals(message.getString("kind")))
        .extracting(message -> message.getString("status") + " " + message.getLong("sequence"))
        .containsExactlyInAnyOrder("CANCELLED 1", "SENT 2");
  }

  @Test
  void bookedInsideTheLeadTimeGetsNoReminder() {
    CLOCK.set(START.minus(Duration.ofHours(3)));
    AppointmentEvents.Builder booked = aBooking().consent(true, true).phone(freshPhone())
        .occurredAt(START.minus(Duration.ofHours(3)));

    send(booked);

    awaitMails(booked.patientEmail(), 1);
    awaitMessage(booked.appointmentId(), "SMS", "CONFIRMATION", status("SENT"));
    assertThat(messages(booked.appointmentId()))
        .extracting(message -> message.getString("kind")).doesNotContain("REMINDER");
  }

  @Test
  void reminderRespectsConsentPerChannel() {
    String phone = freshPhone();
    AppointmentEvents.Builder booked = aBooking().consent(false, true).phone(phone);
    send(booked);
    awaitMessage(booked.appointmentId(), "SMS", "CONFIRMATION", status("SENT"));

    CLOCK.set(DUE.plusSeconds(1));

    awaitMessage(booked.appointmentId(), "SMS", "REMINDER", status("SENT"));
    assertThat(SMS.to(phone)).extracting(received -> received.text())
        .anyMatch(text -> text.startsWith("Reminder from Larkspur Acupuncture Islington"));
    assertThat(messages(booked.appointmentId()))
        .extracting(message -> message.getString("channel") + " " + message.getString("kind"))
        .containsExactlyInAnyOrder("EMAIL CONFIRMATION", "SMS CONFIRMATION", "SMS REMINDER");
    assertMailCountStays(booked.patientEmail(), 1);
  }

  @Test
  void aReminderWhoseVisitHasStartedIsNotSent() {
    AppointmentEvents.Builder booked = aBooking().consent(true, false);
    send(booked);
    awaitMessage(booked.appointmentId(), "EMAIL", "REMINDER", status("PENDING"));
    double expiredBefore = count(MessageMetrics.EXPIRED, "channel", "email", "type", "reminder");

    // Say every instance was down from before the reminder until after the visit began.
    CLOCK.set(START.plusSeconds(60));

    awaitMessage(booked.appointmentId(), "EMAIL", "REMINDER", status("EXPIRED"));
    assertThat(count(MessageMetrics.EXPIRED, "channel", "email", "type", "reminder"))
        .isEqualTo(expiredBefore + 1);
    assertMailCountStays(booked.patientEmail(), 1);
  }

  @Test
  void aReminderRecordedByAnInstanceThatStoppedIsSentByAnother() {
    AppointmentEvents.Builder booked = aBooking().consent(true, false);
    MessageListenerContainer mine = listeners.getListenerContainer("appointment-events");
    mine.stop();
    try {
      // The earlier instance consumes the booking, records its messages, then goes away.
      try (SecondInstance earlier = SecondInstance.like(environment, CLOCK,
          "--clinic.notification.dispatch.enabled=false")) {
        send(booked);
        awaitMessage(booked.appointmentId(), "EMAIL", "REMINDER", status("PENDING"));
      }
    } finally {
      mine.start();
    }

    CLOCK.set(DUE.plusSeconds(1));

    awaitOneMail(booked.patientEmail(), mail -> mail.subject().startsWith("Reminder"));
    awaitMessage(booked.appointmentId(), "EMAIL", "REMINDER", status("SENT"));
  }

  @Test
  void twoInstancesNeverBothSendAReminder() {
    List<AppointmentEvents.Builder> bookings = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      AppointmentEvents.Builder booked = aBooking().consent(true, false);
      bookings.add(booked);
      send(booked);
    }
    for (AppointmentEvents.Builder booked : bookings) {
      awaitMessage(booked.appointmentId(), "EMAIL", "REMINDER", status("PENDING"));
    }

    double mineBefore = count(MessageMetrics.SENT, "channel", "email", "type", "reminder");
    try (SecondInstance second = SecondInstance.like(environment, CLOCK)) {
      MeterRegistry theirs = second.bean(MeterRegistry.class);
      CLOCK.set(DUE.plusSeconds(1));

      for (AppointmentEvents.Builder booked : bookings) {
        awaitMessage(booked.appointmentId(), "EMAIL", "REMINDER", status("SENT"));
      }
      // Each reminder was sent by exactly one of the two dispatchers.
      assertThat(count(MessageMetrics.SENT, "channel", "email", "type", "reminder") - mineBefore
          + count(theirs, MessageMetrics.SENT, "channel", "email", "type", "reminder"))
          .isEqualTo(8);
      // Confirmation and reminder, nothing twice.
      assertMailCountsStay(bookings.stream()
          .collect(Collectors.toMap(AppointmentEvents.Builder::patientEmail, booked -> 2)));
    }
  }
}
