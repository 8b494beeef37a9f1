package network.clinic.notification.message;

import static network.clinic.notification.AppointmentEvents.aBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import network.clinic.events.EventType;
import network.clinic.notification.AppointmentEvents;
import network.clinic.notification.MailParts;
import network.clinic.notification.NotificationScenarioSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sending side by side: a message is handed to the senders as soon as its event is recorded, one
 * slow send holds up no other appointment, and one appointment's messages still go out one after
 * the other, in the order of its changes. The timed pass is pushed out of the way, so every send
 * here starts from the listener's hand-over; the SMTP server is made slow per address.
 */
@Import(MailGate.Installed.class)
abstract class ParallelDispatchScenarios extends NotificationScenarioSupport {

  private static final MailGate GATE = MailGate.Installed.GATE;

  @Autowired DispatchProperties dispatch;

  @DynamicPropertySource
  static void noTimedPass(DynamicPropertyRegistry registry) {
    // The pass runs once at start-up, then not again within any test.
    registry.add("clinic.notification.dispatch.poll-interval", () -> "1h");
  }

  @AfterEach
  void releaseHeldSends() {
    GATE.releaseAll();
  }

  @Test
  void aBookingIsMailedWithoutWaitingForTheTimedPass() {
    AppointmentEvents.Builder booked = aBooking().consent(true, false);

    send(booked);

    awaitMails(booked.patientEmail(), 1);
    awaitMessage(booked.appointmentId(), "EMAIL", "CONFIRMATION", status("SENT"));
  }

  @Test
  void aSlowSendForOneAppointmentHoldsUpNoOther() {
    AppointmentEvents.Builder slow = aBooking().consent(false, false);
    AppointmentEvents.Builder other = onAnotherLaneThan(slow);
    GATE.hold(slow.patientEmail());

    send(slow);
    await().atMost(PATIENCE).until(() -> GATE.started(slow.patientEmail()) == 1);
    send(other);

    awaitMails(other.patientEmail(), 1);
    assertThat(mailsTo(slow.patientEmail())).as("still held at the SMTP server").isEmpty();
    GATE.release(slow.patientEmail());
    awaitMails(slow.patientEmail(), 1);
    assertMailCountsStay(Map.of(slow.patientEmail(), 1, other.patientEmail(), 1));
  }

  @Test
  void aChangeNoticeWaitsForTheConfirmationStillBeingSent() {
    AppointmentEvents.Builder booked = aBooking().consent(false, false);
    AppointmentEvents.Builder moved = booked.then(EventType.RESCHEDULED)
        .startingAt(Instant.parse("2026-06-18T13:00:00Z"));
    GATE.hold(booked.patientEmail());
    send(booked);
    await().atMost(PATIENCE).until(() -> GATE.started(booked.patientEmail()) == 1);

    send(moved);

    // Recorded and handed over while the confirmation is still out; it must wait its turn, even
    // though the other senders are idle.
    awaitMessage(booked.appointmentId(), "EMAIL", "CHANGE", status("PENDING"));
    await().atMost(PATIENCE).until(() -> received(moved.eventId()));
    await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
        .until(() -> GATE.started(booked.patientEmail()) == 1);
    GATE.release(booked.patientEmail());

    awaitMails(booked.patientEmail(), 2);
    assertThat(mailsTo(booked.patientEmail()))
        .extracting(mail -> MailParts.of(mail).subject().split(":")[0])
        .containsExactly("Appointment confirmed", "Appointment moved");
    assertThat(GATE.overlapping()).doesNotContain(booked.appointmentId());
    awaitMessage(booked.appointmentId(), "EMAIL", "CONFIRMATION", status("SENT"));
    awaitMessage(booked.appointmentId(), "EMAIL", "CHANGE", status("SENT"));
  }

  @Test
  void manyAppointmentsSentSideBySideKeepEachOnesOrder() {
    List<AppointmentEvents.Builder> bookings = Stream
        .generate(() -> aBooking().consent(false, false)).limit(12).toList();

    for (AppointmentEvents.Builder booked : bookings) {
      send(booked);
      send(booked.then(EventType.CANCELLED));
    }

    for (AppointmentEvents.Builder booked : bookings) {
      awaitMessage(booked.appointmentId(), "EMAIL", "CANCELLATION", status("SENT"));
    }
    for (AppointmentEvents.Builder booked : bookings) {
      // The confirmation may be dropped for the newer notice if it was not out yet; never after it.
      assertThat(mailsTo(booked.patientEmail()))
          .extracting(mail -> MailParts.of(mail).subject().split(":")[0])
          .isIn(List.of("Appointment cancelled"),
              List.of("Appointment confirmed", "Appointment cancelled"));
    }
    assertThat(GATE.overlapping()).isEmpty();
  }

  /** A booking whose messages take a different lane than {@code booked}'s. */
  private AppointmentEvents.Builder onAnotherLaneThan(AppointmentEvents.Builder booked) {
    int taken = SendLanes.laneOf(booked.appointmentId(), dispatch.senders());
    while (true) {
      AppointmentEvents.Builder candidate = aBooking().consent(false, false);
      if (SendLanes.laneOf(candidate.appointmentId(), dispatch.senders()) != taken) {
        return candidate;
      }
    }
  }
}
