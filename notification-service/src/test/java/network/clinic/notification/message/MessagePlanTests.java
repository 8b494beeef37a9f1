package network.clinic.notification.message;

import static network.clinic.notification.AppointmentEvents.aBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import network.clinic.events.EventType;
import network.clinic.notification.AppointmentEvents;
import org.junit.jupiter.api.Test;

class MessagePlanTests {

  /** Shortly after the example booking happened; the visit is on 16 June 08:30 UTC. */
  private static final Instant NOW = Instant.parse("2026-06-02T14:06:00Z");
  private static final Instant START = Instant.parse("2026-06-16T08:30:00Z");

  @Test
  void bookingWithBothConsentsAndAPhoneGetsConfirmationsAndRemindersOnBothChannels() {
    List<PlannedMessage> planned = MessagePlan.forEvent(aBooking().event(), NOW);

    assertThat(planned)
        .extracting(PlannedMessage::channel, PlannedMessage::kind, PlannedMessage::dueAt,
            PlannedMessage::expiresAt)
        .containsExactlyInAnyOrder(
            tuple(Channel.EMAIL, MessageKind.CONFIRMATION, null, null),
            tuple(Channel.SMS, MessageKind.CONFIRMATION, null, null),
            tuple(Channel.EMAIL, MessageKind.REMINDER, START.minus(Duration.ofHours(24)), START),
            tuple(Channel.SMS, MessageKind.REMINDER, START.minus(Duration.ofHours(24)), START));
  }

  @Test
  void confirmationGoesByEmailEvenWithoutEmailConsentButRemindersDoNot() {
    List<PlannedMessage> planned =
        MessagePlan.forEvent(aBooking().consent(false, false).event(), NOW);

    assertThat(planned).extracting(PlannedMessage::channel, PlannedMessage::kind)
        .containsExactly(tuple(Channel.EMAIL, MessageKind.CONFIRMATION));
  }

  @Test
  void smsNeedsBothConsentAndANumber() {
    assertThat(MessagePlan.forEvent(aBooking().consent(true, true).phone(null).event(), NOW))
        .extracting(PlannedMessage::channel).containsOnly(Channel.EMAIL);
    assertThat(MessagePlan.forEvent(aBooking().consent(true, false).event(), NOW))
        .extracting(PlannedMessage::channel).containsOnly(Channel.EMAIL);
  }

  @Test
  void reminderFollowsTheClinicsLeadTime() {
    List<PlannedMessage> planned =
        MessagePlan.forEvent(aBooking().consent(true, false).reminderLeadHours(48).event(), NOW);

    assertThat(planned).filteredOn(message -> message.kind() == MessageKind.REMINDER)
        .extracting(PlannedMessage::dueAt)
        .containsExactly(START.minus(Duration.ofHours(48)));
  }

  @Test
  void noReminderWhenBookedInsideTheLeadTime() {
    AppointmentEvents.Builder late = aBooking().occurredAt(START.minus(Duration.ofHours(23)));

    assertThat(MessagePlan.forEvent(late.event(), START.minus(Duration.ofHours(23))))
        .extracting(PlannedMessage::kind).doesNotContain(MessageKind.REMINDER);
  }

  @Test
  void noReminderWhenTheClinicSendsNone() {
    assertThat(MessagePlan.forEvent(aBooking().reminderLeadHours(0).event(), NOW))
        .extracting(PlannedMessage::kind).doesNotContain(MessageKind.REMINDER);
  }

  @Test
  void noReminderWhenTheVisitHasStartedByTheTimeTheEventIsHandled() {
    assertThat(MessagePlan.forEvent(aBooking().event(), START.plusSeconds(1)))
        .extracting(PlannedMessage::kind).doesNotContain(MessageKind.REMINDER);
  }

  @Test
  void rescheduleSendsAChangeAndARemindersForTheNewTime() {
    Instant newStart = Instant.parse("2026-06-18T13:00:00Z");
    AppointmentEvents.Builder moved = aBooking().consent(true, false)
        .then(EventType.RESCHEDULED).startingAt(newStart);

    assertThat(MessagePlan.forEvent(moved.event(), NOW))
        .extracting(PlannedMessage::kind, PlannedMessage::dueAt, PlannedMessage::sequence)
        .containsExactlyInAnyOrder(
            tuple(MessageKind.CHANGE, null, 2L),
            tuple(MessageKind.REMINDER, newStart.minus(Duration.ofHours(24)), 2L));
  }

  @Test
  void cancellationSendsANoticeAndNoReminder() {
    AppointmentEvents.Builder cancelled = aBooking().then(EventType.CANCELLED);

    assertThat(MessagePlan.forEvent(cancelled.event(), NOW))
        .extracting(PlannedMessage::channel, PlannedMessage::kind)
        .containsExactlyInAnyOrder(
            tuple(Channel.EMAIL, MessageKind.CANCELLATION),
            tuple(Channel.SMS, MessageKind.CANCELLATION));
  }

  @Test
  void noShowFollowUpByEmailOnlyAndOnlyWithConsent() {
    AppointmentEvents.Builder consenting = aBooking().then(EventType.NO_SHOW);
    AppointmentEvents.Builder notConsenting =
        aBooking().consent(false, true).then(EventType.NO_SHOW);

    assertThat(MessagePlan.forEvent(consenting.event(), NOW))
        .extracting(PlannedMessage::channel, PlannedMessage::kind)
        .containsExactly(tuple(Channel.EMAIL, MessageKind.NO_SHOW_FOLLOW_UP));
    assertThat(MessagePlan.forEvent(notConsenting.event(), NOW)).isEmpty();
  }

  @Test
  void completedVisitSendsNothing() {
    assertThat(MessagePlan.forEvent(aBooking().then(EventType.COMPLETED).event(), NOW)).isEmpty();
  }

  @Test
  void backoffGrowsAndIsCapped() {
    DispatchProperties.Retry retry =
        new DispatchProperties.Retry(10, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(15));

    assertThat(retry.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(retry.backoff(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(retry.backoff(4)).isEqualTo(Duration.ofMinutes(4));
    assertThat(retry.backoff(9)).isEqualTo(Duration.ofMinutes(15));
  }
}
