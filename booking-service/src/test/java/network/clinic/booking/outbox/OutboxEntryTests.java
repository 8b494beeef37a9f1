package network.clinic.booking.outbox;

import static network.clinic.booking.outbox.AppointmentEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import network.clinic.events.AppointmentEvent;
import network.clinic.events.AppointmentEventJson;
import network.clinic.events.EventType;
import org.junit.jupiter.api.Test;

class OutboxEntryTests {

  @Test
  void entryOfAnEventCarriesItsIdTypeTimeAndContractBody() {
    AppointmentEvent event = anEvent(EventType.RESCHEDULED).occurredAt(Instant.parse("2026-06-05T09:41:03.123Z")).build();

    OutboxEntry entry = OutboxEntry.of(event);

    assertThat(entry.eventId()).isEqualTo(event.eventId().toString());
    assertThat(entry.type()).isEqualTo("clinic.appointment.rescheduled.v1");
    assertThat(entry.occurredAt()).isEqualTo(event.occurredAt());
    assertThat(AppointmentEventJson.read(entry.payload())).isEqualTo(event);
  }

  @Test
  void eventTimesFinerThanMongoDatesAreRejected() {
    AppointmentEvent event = anEvent(EventType.BOOKED).build();
    AppointmentEvent precise = new AppointmentEvent(event.eventId(), event.type(), event.appointmentId(),
        event.sequence(), event.occurredAt().plusNanos(1_000), event.clinic(), event.practitioner(),
        event.treatment(), event.time(), event.patient(), event.manageUrl(), event.previousTime(),
        event.cancellation());

    assertThatIllegalArgumentException().isThrownBy(() -> OutboxEntry.of(precise));
  }

  @Test
  void storedFormSurvivesARoundTrip() {
    OutboxEntry entry = anEvent(EventType.CANCELLED).entry();

    assertThat(OutboxEntry.fromDocument(entry.toDocument())).isEqualTo(entry);
  }

  @Test
  void textFormLeavesOutTheBodyWithItsPersonalData() {
    OutboxEntry entry = anEvent(EventType.BOOKED).entry();

    assertThat(entry.toString()).contains(entry.eventId()).doesNotContain("Jordan", "@example.com");
  }
}
